import type { Layer } from '@deck.gl/core';
import { GridLayer, HexagonLayer } from '@deck.gl/aggregation-layers';
import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { heatColourRange, heatmapColourRange, hotspotColour } from './case-colours';
import { RestingHeatmapLayer } from './resting-heatmap-layer';
import { columnPointLayer } from '../column-points.layer';

/**
 * Cases on the map as a function of (points, view): the heat of the filtered cases as a heatmap or as hexagon /
 * square cells, the cases themselves as dots coloured by loop stage once the map is zoomed in to streets, a ring
 * pulsing where a case has just arrived, and the early-warning grids outlined. Points arrive as packed typed
 * arrays and go to deck.gl as binary attributes (`{value, size}` without stride — with stride the heatmap stayed
 * blank), so no object is made per case.
 */
export const caseAggregations = ['heatmap', 'hexagon', 'grid'] as const;
export type CaseAggregation = (typeof caseAggregations)[number];

export interface CasePointColumns {
  count: number;
  /** Interleaved longitude, latitude. */
  positions: Float32Array;
  /** Loop stage codes (indices into caseStages). */
  stage: Uint8Array;
}

export interface CasePulse {
  id: string;
  position: [number, number];
  /** 0 when it arrived, 1 when the pulse ends. */
  age: number;
}

export type HotspotAreas = FeatureCollection<Polygon | MultiPolygon, { id: string }>;

export const caseLayerIds = {
  heatmap: 'cases-heatmap',
  hexagon: 'cases-hexagon',
  grid: 'cases-grid',
  points: 'cases-points',
  pulses: 'cases-pulses',
  hotspots: 'cases-hotspots',
  hotspotRings: 'cases-hotspot-rings',
  hotspotHalos: 'cases-hotspot-halos',
} as const;

/** From this zoom (streets) each case is drawn as its own dot. */
export const casePointMinZoom = 14;
/** Hexagon / square cells stay about this many pixels across whatever the zoom, so the city view is readable. */
export const caseCellPixels = 28;

/**
 * The zoom at which an extent fills about `widthPixels`: the map's zoom before the first move is reported (a
 * link without ?map= opens on the whole city).
 */
export function zoomToFit(bounds: readonly [number, number, number, number], widthPixels = 1000): number {
  const span = Math.max(1e-6, bounds[2] - bounds[0]);
  return Math.log2((360 * widthPixels) / (256 * span));
}

/** Cell size in metres at a whole zoom level and latitude (Web Mercator ground resolution). */
export function caseCellMetres(zoomLevel: number, latitude: number): number {
  const metresPerPixel = (156_543.03 * Math.cos((latitude * Math.PI) / 180)) / 2 ** zoomLevel;
  return Math.max(50, Math.round(caseCellPixels * metresPerPixel));
}

const binaryPositions = (points: CasePointColumns) => ({
  length: points.count,
  attributes: { getPosition: { value: points.positions, size: 2 } },
});

export function caseHeatLayer(
  points: CasePointColumns,
  aggregation: CaseAggregation,
  cellMetres = 1000,
): Layer {
  if (aggregation === 'hexagon' || aggregation === 'grid') {
    // The cell layers declare a 3-wide float64 position attribute; a 2-wide Float32 binary one is misread by
    // their CPU aggregator (everything lands in one cell) and drew nothing on the GPU path. An accessor that
    // writes into deck.gl's reusable target reads the same packed array without making an object per case.
    const positions = points.positions;
    const common = {
      data: { length: points.count },
      getPosition: (_: unknown, { index, target }: { index: number; target: number[] }) => {
        target[0] = positions[index * 2] ?? 0;
        target[1] = positions[index * 2 + 1] ?? 0;
        target[2] = 0;
        return target as [number, number, number];
      },
      colorRange: heatColourRange,
      extruded: false,
      opacity: 0.75,
      gpuAggregation: false,
      pickable: false,
    };
    return aggregation === 'hexagon'
      ? new HexagonLayer({ ...common, id: caseLayerIds.hexagon, radius: cellMetres / 2 })
      : new GridLayer({ ...common, id: caseLayerIds.grid, cellSize: cellMetres });
  }
  return new RestingHeatmapLayer({
    id: caseLayerIds.heatmap,
    data: binaryPositions(points),
    radiusPixels: 28,
    intensity: 1,
    threshold: 0.04,
    colorRange: heatmapColourRange,
    opacity: 0.85,
    pickable: false,
  });
}

export function casePointLayer(points: CasePointColumns, colours: Uint8Array): Layer {
  return columnPointLayer(caseLayerIds.points, points, colours, {
    getRadius: 4,
    stroked: true,
    getLineColor: [255, 255, 255, 220],
    getLineWidth: 1,
  });
}

export function casePulseLayer(pulses: readonly CasePulse[]): Layer {
  return new ScatterplotLayer<CasePulse>({
    id: caseLayerIds.pulses,
    data: pulses,
    getPosition: (pulse) => pulse.position,
    radiusUnits: 'pixels',
    getRadius: (pulse) => 6 + 26 * pulse.age,
    filled: true,
    getFillColor: (pulse) => [213, 94, 0, Math.round(90 * (1 - pulse.age))],
    stroked: true,
    getLineColor: (pulse) => [213, 94, 0, Math.round(255 * (1 - pulse.age))],
    lineWidthUnits: 'pixels',
    getLineWidth: 3,
    updateTriggers: { getRadius: pulses, getFillColor: pulses, getLineColor: pulses },
  });
}

export function hotspotLayer(areas: HotspotAreas): Layer {
  return new GeoJsonLayer<Feature<Polygon | MultiPolygon, { id: string }>>({
    id: caseLayerIds.hotspots,
    data: areas,
    filled: true,
    getFillColor: [...hotspotColour, 40],
    stroked: true,
    getLineColor: [...hotspotColour, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 3,
  });
}

/** The middle of an area's outer ring's extent: where its ring is drawn. */
function middleOf(geometry: Polygon | MultiPolygon): [number, number] {
  const ring = (geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0]?.[0]) ?? [];
  const xs = ring.map((position) => position[0] ?? 0);
  const ys = ring.map((position) => position[1] ?? 0);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

/**
 * A ring round each early-warning grid at a fixed size on screen: at city zoom a grid is a few pixels across and
 * its outline alone cannot be seen from the wall or found by a leader scanning the map. The `halo` is a wider
 * white ring drawn first, so the red still reads on the navy camera clusters of the city centre.
 */
export function hotspotRingLayer(areas: HotspotAreas, part: 'halo' | 'ring'): Layer {
  const halo = part === 'halo';
  return new ScatterplotLayer<Feature<Polygon | MultiPolygon, { id: string }>>({
    id: halo ? caseLayerIds.hotspotHalos : caseLayerIds.hotspotRings,
    data: areas.features,
    getPosition: (area) => middleOf(area.geometry),
    radiusUnits: 'pixels',
    getRadius: 15,
    filled: !halo,
    getFillColor: [...hotspotColour, 50],
    stroked: true,
    getLineColor: halo ? [255, 255, 255, 230] : [...hotspotColour, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: halo ? 8 : 3,
  });
}
