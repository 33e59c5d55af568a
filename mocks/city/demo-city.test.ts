import { booleanPointInPolygon, kinks } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  camerasSchema,
  gridsSchema,
  metaSchema,
  regionsSchema,
  stationsSchema,
} from '../../src/contract/schemas/contract.schema';
import { areaOf, areaOutside, connectedByEdges, largestOverlap } from './city-checks';
import { buildDemoCity, type GeneratedDemoCity } from './demo-city';

/**
 * The generator's promises, checked on its output: the whole city is built once (a few seconds); the pairwise
 * checks (overlaps, grids inside communities) run on 城区 and on 泽州县, which wraps round 城区 with a hole.
 */
const seed = 1405;
let city: GeneratedDemoCity;
type Region = GeneratedDemoCity['regions']['features'][number];
const byId = new Map<string, Region>();
const regionsAt = (level: string) =>
  city.regions.features.filter((region) => region.properties.level === level);
const sample = (id: string) => id.startsWith('140502') || id.startsWith('140525');

beforeAll(() => {
  city = buildDemoCity({ seed, version: 'test' });
  for (const region of city.regions.features) byId.set(region.properties.id, region);
});

describe('demo city', () => {
  it('parses with the contract schemas', () => {
    expect(metaSchema.safeParse(city.meta).success).toBe(true);
    for (const [collection, schema] of [
      [city.regions, regionsSchema],
      [city.grids, gridsSchema],
      [city.cameras, camerasSchema],
      [city.stations, stationsSchema],
    ] as const) {
      const result = schema.safeParse(collection);
      expect(result.error?.issues.slice(0, 3) ?? []).toEqual([]);
    }
  });

  it('has the real ladder: 1 city, 6 counties, 77 streets, 1,729 communities, about 4,600 grids', () => {
    expect(regionsAt('city').map((region) => region.properties.parentId)).toEqual([null]);
    expect([regionsAt('district').length, regionsAt('street').length, regionsAt('community').length]).toEqual(
      [6, 77, 1729],
    );
    expect(Math.abs(city.grids.features.length - 4601)).toBeLessThan(100);
    for (const region of city.regions.features) {
      if (region.properties.parentId !== null) expect(byId.has(region.properties.parentId)).toBe(true);
    }
    for (const grid of city.grids.features) {
      expect(byId.get(grid.properties.communityId)?.properties.level).toBe('community');
      expect(grid.properties.id.startsWith(grid.properties.communityId)).toBe(true);
    }
  });

  it('houses about 2.2 million people at about 3 per household', () => {
    const people = city.grids.features.reduce((sum, grid) => sum + grid.properties.population, 0);
    const households = city.grids.features.reduce((sum, grid) => sum + grid.properties.households, 0);
    expect(people).toBeGreaterThan(2_000_000);
    expect(people).toBeLessThan(2_400_000);
    expect(people / households).toBeGreaterThan(2.6);
    expect(people / households).toBeLessThan(3.3);
  });

  it('has only valid geometry', () => {
    const crossings = [...city.regions.features, ...city.grids.features].filter(
      (feature) => kinks(feature).features.length > 0,
    );
    expect(crossings.map((feature) => feature.properties.name)).toEqual([]);
  });

  it('tiles every unit with its children, each child inside its parent', () => {
    const children = new Map<string, number>();
    for (const grid of city.grids.features) {
      const id = grid.properties.communityId;
      children.set(id, (children.get(id) ?? 0) + areaOf(grid.geometry));
    }
    for (const region of city.regions.features) {
      const parent = region.properties.parentId;
      if (parent !== null) children.set(parent, (children.get(parent) ?? 0) + areaOf(region.geometry));
    }
    for (const region of city.regions.features) {
      const own = areaOf(region.geometry);
      expect(
        Math.abs((children.get(region.properties.id) ?? 0) - own) / own,
        region.properties.name,
      ).toBeLessThan(1e-4);
      const parent = region.properties.parentId === null ? undefined : byId.get(region.properties.parentId);
      if (parent)
        expect(areaOutside(region.geometry, parent.geometry), region.properties.name).toBeLessThan(1);
    }
  });

  it('puts every sampled grid inside its community, with no two grids overlapping', () => {
    const grids = city.grids.features.filter((grid) => sample(grid.properties.id));
    expect(largestOverlap(grids.map((grid) => grid.geometry))).toBeLessThan(0.01);
    for (const grid of grids) {
      const community = byId.get(grid.properties.communityId);
      if (community)
        expect(areaOutside(grid.geometry, community.geometry), grid.properties.name).toBeLessThan(0.01);
    }
  });

  it('keeps counties from overlapping, 泽州县 round 城区 with a hole', () => {
    const counties = regionsAt('district');
    expect(largestOverlap(counties.map((county) => county.geometry))).toBeLessThan(1);
    const zezhou = byId.get('140525')?.geometry;
    const chengqu = byId.get('140502')?.geometry;
    expect(zezhou?.type === 'Polygon' && zezhou.coordinates.length).toBe(2);
    const hole = zezhou?.type === 'Polygon' ? zezhou.coordinates[1] : undefined;
    if (hole && chengqu) {
      const holeArea = areaOf({ type: 'Polygon', coordinates: [[...hole].reverse()] });
      expect(Math.abs(holeArea - areaOf(chengqu)) / holeArea).toBeLessThan(1e-6);
    }
  });

  it('makes every street and community one piece of edge-connected grids', () => {
    const gridsOf = new Map<string, Region['geometry'][]>();
    for (const grid of city.grids.features) {
      for (const id of [grid.properties.communityId, grid.properties.communityId.slice(0, 9)]) {
        gridsOf.set(id, [...(gridsOf.get(id) ?? []), grid.geometry]);
      }
    }
    for (const region of [...regionsAt('street'), ...regionsAt('community')]) {
      expect(region.geometry.type, region.properties.name).toBe('Polygon');
      expect(connectedByEdges(gridsOf.get(region.properties.id) ?? []), region.properties.name).toBe(true);
    }
  });

  it('puts every camera in its grid, mostly online', () => {
    const grids = new Map(city.grids.features.map((grid) => [grid.properties.id, grid]));
    for (const camera of city.cameras.features) {
      const grid = camera.properties.gridId === null ? undefined : grids.get(camera.properties.gridId);
      expect(grid && booleanPointInPolygon(camera.geometry.coordinates, grid), camera.properties.name).toBe(
        true,
      );
    }
    const online = city.cameras.features.filter((camera) => camera.properties.status === 'online').length;
    expect(online / city.cameras.features.length).toBeGreaterThan(0.93);
    expect(online / city.cameras.features.length).toBeLessThan(0.97);
  });

  it('has a governance centre at each of the three levels, every station inside its unit', () => {
    const centres = city.stations.features.filter(
      (station) => station.properties.kind === 'governance_center',
    );
    const perLevel = (level: string) =>
      centres.filter((station) => station.properties.level === level).length;
    expect([perLevel('district'), perLevel('street'), perLevel('community')]).toEqual([6, 77, 1729]);
    expect(city.stations.features.length - centres.length).toBeGreaterThan(200);
    for (const station of city.stations.features) {
      const unit = byId.get(station.properties.id.split('-')[1] ?? '');
      expect(unit && booleanPointInPolygon(station.geometry.coordinates, unit), station.properties.name).toBe(
        true,
      );
      expect(station.properties.phone).toMatch(/^0356-\d{7}$/);
    }
  });
});

describe('demo city determinism', () => {
  it('gives byte-identical output for the same seed, and another city for another seed', () => {
    const build = (value: number) =>
      JSON.stringify(buildDemoCity({ seed: value, version: 'test', counties: ['140502'] }));
    const first = build(seed);
    expect(build(seed)).toBe(first);
    expect(build(seed + 1)).not.toBe(first);
  });
});
