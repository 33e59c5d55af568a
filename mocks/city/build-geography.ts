import type { MultiPolygon, Polygon } from 'geojson';
import { stitchCountyBorders } from './borders';
import type { GridProperties } from '../../src/domain/grid';
import type { Region, RegionLevel } from '../../src/domain/hierarchy';
import { regionId } from '../../src/domain/ids';
import { layoutCounty, type CountyLayout } from './county-layout';
import { planGridCounts } from './grid-plan';
import { placeGrids, type GridSite } from './grid-sites';
import type { CountySource } from './source';
import { unionRings } from './rings';
import { createVertexTable } from './vertex-table';
import { areaGeometry, wgs84Positions } from './wgs84';

/**
 * The demo city's geography in the contract's shape (WGS84): the city, its 6 real counties, 77 real streets and
 * 1,729 real communities, each the union of its grids, and the 4,601 grids themselves.
 */
export interface AreaFeature<P> {
  type: 'Feature';
  geometry: Polygon | MultiPolygon;
  properties: P;
}

export interface DemoGeography {
  regions: AreaFeature<Region>[];
  grids: AreaFeature<GridProperties>[];
  /** One per grid, same order: what the cameras and stations need to know about where they go. */
  sites: GridSite[];
  /** Grid indices (into `grids`) of every region, by region id. */
  gridsOfRegion: Map<string, number[]>;
}

export const cityRegion = { id: '1405', name: '晋城市' } as const;

function regionFeature(
  id: string,
  name: string,
  level: RegionLevel,
  parentId: string | null,
  geometry: Polygon | MultiPolygon,
): AreaFeature<Region> {
  return {
    type: 'Feature',
    geometry,
    properties: { id: regionId(id), name, level, parentId: parentId === null ? null : regionId(parentId) },
  };
}

function countyRegions(
  layout: CountyLayout,
  position: (id: number) => [number, number],
  geography: DemoGeography,
  seed: number,
): void {
  const { county, graph } = layout;
  const outlineOf = (cells: readonly number[]) =>
    areaGeometry(
      unionRings(
        cells.flatMap((cell) => graph.cells[cell]?.rings ?? []),
        graph.vertices,
      ),
      position,
    );
  const all = graph.cells.map((_, index) => index);
  geography.regions.push(regionFeature(county.code, county.name, 'district', cityRegion.id, outlineOf(all)));
  for (const street of layout.streets) {
    geography.regions.push(
      regionFeature(street.code, street.name, 'street', county.code, outlineOf(street.cells)),
    );
  }
  for (const community of layout.communities) {
    geography.regions.push(
      regionFeature(
        community.code,
        community.name,
        'community',
        community.streetCode,
        outlineOf(community.cells),
      ),
    );
  }
  placeGrids(layout, position, seed, geography);
}

function indexGridsByRegion(geography: DemoGeography): void {
  const add = (id: string, index: number) => {
    const list = geography.gridsOfRegion.get(id);
    if (list) list.push(index);
    else geography.gridsOfRegion.set(id, [index]);
  };
  geography.grids.forEach((grid, index) => {
    const community = grid.properties.communityId;
    // The national codes nest: a community's first 9 digits are its street, the first 6 its county.
    for (const id of [cityRegion.id, community.slice(0, 6), community.slice(0, 9), community]) add(id, index);
  });
}

/**
 * `only` lays out just those counties (tests): the grid plan is still the whole city's, so a county gets the same
 * grids as in the full run, short only of the corners its absent neighbours would add to their shared border.
 */
export function buildGeography(
  counties: readonly CountySource[],
  seed: number,
  only?: readonly string[],
): DemoGeography {
  const counts = planGridCounts(counties, seed);
  const chosen = counties.filter((county) => !only || only.includes(county.code));
  const vertices = createVertexTable();
  const layouts = chosen.map((county) => layoutCounty(county, counts, seed, vertices));
  stitchCountyBorders(layouts, vertices);
  const position = wgs84Positions(vertices);
  const allRings = layouts.flatMap((layout) => layout.graph.cells.flatMap((cell) => cell.rings));
  const geography: DemoGeography = { regions: [], grids: [], sites: [], gridsOfRegion: new Map() };
  geography.regions.push(
    regionFeature(
      cityRegion.id,
      cityRegion.name,
      'city',
      null,
      areaGeometry(unionRings(allRings, vertices), position),
    ),
  );
  for (const layout of layouts) countyRegions(layout, position, geography, seed);
  const levelOrder: RegionLevel[] = ['city', 'district', 'street', 'community'];
  geography.regions.sort(
    (a, b) => levelOrder.indexOf(a.properties.level) - levelOrder.indexOf(b.properties.level),
  );
  indexGridsByRegion(geography);
  return geography;
}
