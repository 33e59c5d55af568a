import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { labelFont } from './base-style';
import { choroplethColour, choroplethFilter, type Choropleth } from './choropleth';
import type { GridFill } from './grid-fill';

/**
 * The city's own outlines as MapLibre layers: regions (district, street, community) drawn heavier than grid lines
 * at every zoom, grid fill by type or indicator, and labels that change with zoom (districts when the whole city
 * shows, grids when a community fills the screen). These are the default base map, so they stay MapLibre layers
 * (cheap, tiled, with collision-free labels) while point layers go to deck.gl.
 */
export const areaSource = {
  regions: 'regions',
  regionLabels: 'region-labels',
  grids: 'grids',
  gridLabels: 'grid-labels',
} as const;

/** Layers that belong to the "grids" toggle (region outlines stay: they are the base map). */
export const gridLayerIds = ['grid-fill', 'grid-outline', 'grid-selected', 'grid-labels'] as const;
export const gridFillLayerId = 'grid-fill';
export const choroplethLayerIds = { regions: 'choropleth-regions', grids: 'choropleth-grids' } as const;

const noFill = 'rgba(0, 0, 0, 0)';

export function fillColour(fill: GridFill): ExpressionSpecification {
  if (fill.kind === 'categorical') {
    const colours = Object.fromEntries(fill.entries.map((entry) => [entry.value, entry.colour]));
    return ['coalesce', ['get', ['get', fill.property], ['literal', colours]], '#bbbbbb'];
  }
  const steps = fill.breaks.flatMap((threshold, index) => [threshold, fill.colours[index + 1] ?? noFill]);
  return ['step', ['to-number', ['get', fill.property], 0], fill.colours[0] ?? noFill, ...steps];
}

export function selectedFilter(selected: string | null): FilterSpecification {
  return ['==', ['get', 'id'], selected ?? ''];
}

/** The district names' text size (px): the city view's largest labels, and the cap on camera clusters. */
export const districtLabelSize = 16;

const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
/** The grid fill's opacity: stronger under the pointer. */
export const gridFillOpacity: ExpressionSpecification = ['case', hovered, 0.85, 0.55];

const regionOutline = (
  level: string,
  colour: string,
  width: number,
  dash?: number[],
  minzoom = 0,
): LayerSpecification => ({
  id: `region-outline-${level}`,
  type: 'line',
  source: areaSource.regions,
  minzoom,
  filter: ['==', ['get', 'level'], level],
  layout: { 'line-join': 'round' },
  paint: {
    'line-color': colour,
    'line-width': ['interpolate', ['linear'], ['zoom'], 8, width, 15, width * 1.8],
    ...(dash ? { 'line-dasharray': dash } : {}),
  },
});

const label = (
  id: string,
  source: string,
  filter: FilterSpecification | null,
  zooms: [number, number],
  size: number,
  colour: string,
): LayerSpecification => ({
  id,
  type: 'symbol',
  source,
  minzoom: zooms[0],
  maxzoom: zooms[1],
  ...(filter ? { filter } : {}),
  layout: {
    'text-field': ['get', 'name'],
    'text-font': labelFont,
    'text-size': size,
    'text-max-width': 8,
    // Collision on (MapLibre's defaults, stated so no theme or layer turns them off): a label that would touch
    // another one, with 4 px to spare around each, is left out rather than drawn over it.
    'text-allow-overlap': false,
    'text-ignore-placement': false,
    'text-padding': 4,
  },
  paint: { 'text-color': colour, 'text-halo-color': 'rgba(255, 255, 255, 0.9)', 'text-halo-width': 1.5 },
});

const choroplethLayer = (
  target: Choropleth['target'],
  choropleth: Choropleth | null,
): LayerSpecification => ({
  id: choroplethLayerIds[target],
  type: 'fill',
  source: target === 'regions' ? areaSource.regions : areaSource.grids,
  filter: choroplethFilter(choropleth, target),
  paint: { 'fill-color': choroplethColour(choropleth), 'fill-opacity': 0.8 },
});

export function areaLayers(
  fill: GridFill,
  selected: string | null,
  choropleth: Choropleth | null = null,
): LayerSpecification[] {
  return [
    {
      id: gridFillLayerId,
      type: 'fill',
      source: areaSource.grids,
      paint: {
        'fill-color': fillColour(fill),
        'fill-opacity': gridFillOpacity,
      },
    },
    choroplethLayer('regions', choropleth),
    choroplethLayer('grids', choropleth),
    {
      id: 'grid-outline',
      type: 'line',
      source: areaSource.grids,
      paint: {
        'line-color': ['case', hovered, '#111827', '#5f6b7a'],
        'line-width': [
          'interpolate',
          ['linear'],
          ['zoom'],
          8,
          ['case', hovered, 2.5, 0.3],
          14,
          ['case', hovered, 3, 1],
        ],
        // Faint over the whole city (thousands of grids: outlines at full strength would grey the fill out and
        // drown the city's and the districts' outlines), firm from a street's zoom on.
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 8, 0.08, 10, 0.25, 11, 0.45, 13, 0.9],
      },
    },
    // Over the whole city only the districts' and the city's outlines: the finer ones come in as their labels do.
    regionOutline('community', '#455a64', 1.1, undefined, 10.5),
    regionOutline('street', '#37474f', 1.6, [3, 1.5], 9),
    regionOutline('district', '#1a237e', 2.6),
    regionOutline('city', '#0d1445', 3.2),
    {
      id: 'grid-selected',
      type: 'line',
      source: areaSource.grids,
      filter: selectedFilter(selected),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#d81b60', 'line-width': 4 },
    },
    label(
      'region-labels-district',
      areaSource.regionLabels,
      ['==', ['get', 'level'], 'district'],
      [0, 10.5],
      districtLabelSize,
      '#0d1445',
    ),
    label(
      'region-labels-street',
      areaSource.regionLabels,
      ['==', ['get', 'level'], 'street'],
      [10.5, 12.5],
      14,
      '#1a237e',
    ),
    label(
      'region-labels-community',
      areaSource.regionLabels,
      ['==', ['get', 'level'], 'community'],
      [12.5, 14],
      13,
      '#263238',
    ),
    label('grid-labels', areaSource.gridLabels, null, [14, 24], 12, '#263238'),
  ];
}
