import { booleanPointInPolygon } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGeography, type DemoGeography } from './build-geography';
import { generateCameraColumns } from './cameras';
import { gridSitesFromCity } from './grid-sites-from-city';
import { readCitySource } from './source';

/** The camera generator at benchmark scale, on 城区 alone (quick to lay out). */
let geography: DemoGeography;

beforeAll(() => {
  geography = buildGeography(readCitySource(), 1405, ['140502']);
});

describe('camera columns', () => {
  it('makes 200,000 cameras as columns, each standing in the grid it names', () => {
    // Its speed (2.4 M in about 1.6 s) is a benchmark figure, not asserted here: timed tests are flaky on 2 cores.
    const columns = generateCameraColumns(geography.sites, 200_000, 7);
    for (let index = 0; index < columns.count; index += 97) {
      const grid = geography.grids[columns.grids[index] ?? -1];
      const point = [columns.positions[2 * index] ?? 0, columns.positions[2 * index + 1] ?? 0];
      expect(grid && booleanPointInPolygon(point, grid)).toBe(true);
    }
    const share = (status: number) =>
      columns.statuses.filter((value) => value === status).length / columns.count;
    expect(share(0)).toBeCloseTo(0.95, 2);
    expect(share(1)).toBeCloseTo(0.03, 2);
    expect(share(2)).toBeCloseTo(0.02, 2);
  });

  it('puts more cameras where more people live, and repeats for the same seed', () => {
    const columns = generateCameraColumns(geography.sites, 50_000, 7);
    const perGrid = new Map<string, number>();
    for (const grid of columns.grids)
      perGrid.set(
        geography.sites[grid]?.kind ?? '',
        (perGrid.get(geography.sites[grid]?.kind ?? '') ?? 0) + 1,
      );
    const density = (kind: string) =>
      (perGrid.get(kind) ?? 0) / geography.sites.filter((site) => site.kind === kind).length;
    expect(density('urban_core')).toBeGreaterThan(3 * density('village'));
    expect(generateCameraColumns(geography.sites, 1000, 7).positions).toEqual(
      generateCameraColumns(geography.sites, 1000, 7).positions,
    );
  });

  it('rebuilds the same grid neighbours from the features alone', () => {
    const rebuilt = gridSitesFromCity(geography.regions, geography.grids);
    const same = rebuilt.filter(
      (site, index) => site.neighbours.join() === geography.sites[index]?.neighbours.join(),
    ).length;
    expect(same / rebuilt.length).toBeGreaterThan(0.99);
    expect(rebuilt.map((site) => site.communityName)).toEqual(
      geography.sites.map((site) => site.communityName),
    );
  });
});
