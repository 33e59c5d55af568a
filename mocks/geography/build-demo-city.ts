import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import * as polyclip from 'polyclip-ts';
import type { GridProperties } from '../../src/domain/grid';
import type { RegionLevel } from '../../src/domain/hierarchy';
import { createRandom, hashSeed } from '../cases/random';
import { layoutCounty, unionOf, type CountyLayout } from './build-geography';
import { gridTypeFor, householdsFor, peoplePerHousehold, workerName } from './people';
import { readCitySource, shortName } from './source';
import { areaGeometry } from './wgs84';

/**
 * The demo city's geography in the contract's shape (WGS84): the real city, counties, streets and
 * villages/communities with their national codes, and the synthetic grids inside them.
 */
export type AreaFeature<P> = Feature<Polygon | MultiPolygon, P>;
export interface RegionProperties {
  id: string;
  name: string;
  level: RegionLevel;
  parentId: string | null;
}

export interface DemoGeography {
  regions: AreaFeature<RegionProperties>[];
  grids: AreaFeature<GridProperties>[];
  /** Seats of the counties (WGS84), where governance centres and the densest cameras go. */
  seats: Map<string, [number, number]>;
}

const kilometres = (a: readonly number[], b: readonly number[]) =>
  Math.hypot(((a[0] ?? 0) - (b[0] ?? 0)) * 90.6, ((a[1] ?? 0) - (b[1] ?? 0)) * 111.2);

function region(
  id: string,
  name: string,
  level: RegionLevel,
  parentId: string | null,
  polygons: Position[][][],
) {
  return {
    type: 'Feature' as const,
    geometry: areaGeometry(polygons),
    properties: { id, name, level, parentId },
  };
}

function gridsOf(layout: CountyLayout, seed: number): AreaFeature<GridProperties>[] {
  const grids: AreaFeature<GridProperties>[] = [];
  for (const community of layout.communities) {
    const random = createRandom(hashSeed(seed, community.code));
    const cells = [...community.cells].sort(
      (a, b) =>
        kilometres(layout.cells[a]?.centre ?? [], layout.county.seat) -
        kilometres(layout.cells[b]?.centre ?? [], layout.county.seat),
    );
    const households = householdsFor(community.urban, cells.length, random);
    const short = shortName(community.name);
    cells.forEach((cellIndex, serial) => {
      const cell = layout.cells[cellIndex];
      if (!cell) return;
      const code = `${community.code}${String(serial + 1).padStart(3, '0')}`;
      const homes = households[serial] ?? 0;
      const properties: GridProperties = {
        id: code as GridProperties['id'],
        code,
        name: `${short}第${serial + 1}网格`,
        communityId: community.code as GridProperties['communityId'],
        type: gridTypeFor(community.urban, kilometres(cell.centre, layout.county.seat), random),
        households: homes,
        population: Math.round(homes * peoplePerHousehold(community.urban, random)),
        workerName: workerName(random),
        version: 1,
      };
      grids.push({ type: 'Feature', geometry: areaGeometry(cell.polygons), properties });
    });
  }
  return grids;
}

export function buildDemoGeography(seed: number): DemoGeography {
  const counties = readCitySource();
  const regions: AreaFeature<RegionProperties>[] = [];
  const grids: AreaFeature<GridProperties>[] = [];
  const seats = new Map<string, [number, number]>();
  const countyRegions: AreaFeature<RegionProperties>[] = [];
  for (const county of counties) {
    const layout = layoutCounty(county, seed);
    countyRegions.push(region(county.code, county.name, 'district', '1405', [county.outline.coordinates]));
    seats.set(county.code, county.seat);
    for (const street of layout.streets) {
      regions.push(
        region(
          street.code,
          street.name,
          'street',
          county.code,
          unionOf(street.cells.flatMap((cell) => layout.cells[cell] ?? [])),
        ),
      );
    }
    for (const community of layout.communities) {
      const outline = unionOf(community.cells.flatMap((cell) => layout.cells[cell] ?? []));
      regions.push(
        region(community.code, shortName(community.name), 'community', community.streetCode, outline),
      );
    }
    grids.push(...gridsOf(layout, seed));
  }
  const cityOutline = polyclip.union(
    ...(counties.map((county) => county.outline.coordinates) as [polyclip.Geom, ...polyclip.Geom[]]),
  ) as Position[][][];
  return {
    regions: [region('1405', '晋城市', 'city', null, cityOutline), ...countyRegions, ...regions],
    grids,
    seats,
  };
}
