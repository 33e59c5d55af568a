import { existsSync, readFileSync } from 'node:fs';
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import * as polyclip from 'polyclip-ts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  camerasSchema,
  gridsSchema,
  metaSchema,
  regionsSchema,
  stationsSchema,
} from '../../src/contract/schemas/contract.schema';

/** Planar ring area (shoelace), in square degrees: only compared with other areas computed the same way. */
function ringArea(ring: Position[]): number {
  let area = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    area += ((ring[j]?.[0] ?? 0) - (ring[i]?.[0] ?? 0)) * ((ring[j]?.[1] ?? 0) + (ring[i]?.[1] ?? 0));
  }
  return area / 2;
}

/**
 * Whole-city checks of the generated demo city, complementing demo-city.test.ts (which samples two counties):
 * every pair of neighbouring grids in the city, every county's coverage, every unit's nesting.
 * Invariants of the generated demo city (public/demo-city/jincheng.json, written by `npm run demo-city`, which
 * `npm run check` runs first): the counts of the real division tree, exact tiling, validity, nesting, determinism.
 */
const file = new URL('../../public/demo-city/jincheng.json', import.meta.url);
type Area = Polygon | MultiPolygon;
interface City {
  regions: {
    features: { geometry: Area; properties: { id: string; level: string; parentId: string | null } }[];
  };
  grids: {
    features: { geometry: Area; properties: { id: string; communityId: string; population: number } }[];
  };
  [key: string]: unknown;
}
let city: City;

const polygonsOf = (geometry: Area): Position[][][] =>
  geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
const areaOf = (polygons: Position[][][]): number =>
  polygons.reduce(
    (sum, polygon) =>
      sum +
      polygon.reduce((inner, ring, index) => inner + (index === 0 ? 1 : -1) * Math.abs(ringArea(ring)), 0),
    0,
  );
function boxOf(geometry: Area): [number, number, number, number] {
  const xs = polygonsOf(geometry).flatMap((polygon) => polygon[0] ?? []);
  const lngs = xs.map((position) => position[0] ?? 0);
  const lats = xs.map((position) => position[1] ?? 0);
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}

beforeAll(() => {
  if (!existsSync(file))
    throw new Error('public/demo-city/jincheng.json is missing: run `npm run demo-city`');
  city = JSON.parse(readFileSync(file, 'utf8')) as City;
});

describe('the demo city', () => {
  it('serves the contract: every collection parses with the client’s schemas', () => {
    expect(metaSchema.safeParse(city.meta).success).toBe(true);
    expect(regionsSchema.safeParse(city.regions).success).toBe(true);
    expect(gridsSchema.safeParse(city.grids).success).toBe(true);
    expect(camerasSchema.safeParse(city.cameras).success).toBe(true);
    expect(stationsSchema.safeParse(city.stations).success).toBe(true);
  });

  it('has the real division tree: 6 counties, 77 townships/streets, 1,729 villages/communities, ≈ 4,600 grids', () => {
    const levels = new Map<string, number>();
    for (const region of city.regions.features)
      levels.set(region.properties.level, (levels.get(region.properties.level) ?? 0) + 1);
    expect(Object.fromEntries(levels)).toEqual({ city: 1, district: 6, street: 77, community: 1729 });
    expect(city.grids.features.length).toBeGreaterThan(4400);
    expect(city.grids.features.length).toBeLessThan(4800);
    const people = city.grids.features.reduce((sum, grid) => sum + grid.properties.population, 0);
    expect(people).toBeGreaterThan(2_000_000);
    expect(people).toBeLessThan(2_400_000);
  });

  it('tiles every community with its grids: areas sum within 0.01 %, each community one piece', () => {
    const gridArea = new Map<string, number>();
    for (const grid of city.grids.features) {
      const key = grid.properties.communityId;
      gridArea.set(key, (gridArea.get(key) ?? 0) + areaOf(polygonsOf(grid.geometry)));
    }
    const communities = city.regions.features.filter((region) => region.properties.level === 'community');
    const off = communities.filter((community) => {
      const own = areaOf(polygonsOf(community.geometry));
      return Math.abs((gridArea.get(community.properties.id) ?? 0) - own) / own > 1e-4;
    });
    expect(off.map((community) => community.properties.id)).toEqual([]);
    expect(communities.filter((community) => community.geometry.type !== 'Polygon')).toEqual([]);
  });

  it('covers every real county outline with its grids, leaving no gap', () => {
    const gridArea = new Map<string, number>();
    for (const grid of city.grids.features) {
      const county = grid.properties.communityId.slice(0, 6);
      gridArea.set(county, (gridArea.get(county) ?? 0) + areaOf(polygonsOf(grid.geometry)));
    }
    const counties = city.regions.features.filter((region) => region.properties.level === 'district');
    for (const county of counties) {
      const own = areaOf(polygonsOf(county.geometry));
      expect(Math.abs((gridArea.get(county.properties.id) ?? 0) - own) / own).toBeLessThan(1e-4);
    }
  });

  it('has no two grids overlapping and every ring closed', () => {
    const grids = city.grids.features;
    const index = new Flatbush(grids.length);
    for (const grid of grids) index.add(...boxOf(grid.geometry));
    index.finish();
    let overlapping = 0;
    grids.forEach((grid, i) => {
      for (const ring of polygonsOf(grid.geometry).flat()) expect(ring[0]).toEqual(ring[ring.length - 1]);
      for (const j of index.search(...boxOf(grid.geometry))) {
        if (j <= i) continue;
        const other = grids[j];
        if (!other) continue;
        const shared = polyclip.intersection(
          polygonsOf(grid.geometry) as polyclip.Geom,
          polygonsOf(other.geometry) as polyclip.Geom,
        );
        if (areaOf(shared) > 1e-10) overlapping += 1;
      }
    });
    expect(overlapping).toBe(0);
  });

  it('nests every unit inside its parent', () => {
    const byId = new Map(city.regions.features.map((region) => [region.properties.id, region]));
    const outside = city.regions.features.filter((region) => {
      const parent = region.properties.parentId ? byId.get(region.properties.parentId) : undefined;
      if (!parent) return region.properties.level !== 'city';
      const own = polygonsOf(region.geometry);
      const sticking = polyclip.difference(
        own as polyclip.Geom,
        polygonsOf(parent.geometry) as polyclip.Geom,
      );
      return areaOf(sticking) > areaOf(own) * 1e-6;
    });
    expect(outside.map((region) => region.properties.id)).toEqual([]);
  });
});
