import type { CountySource, StreetSource, VillageSource } from './source';
import { randomFor, type Random } from './random';

/**
 * How many grids each real community gets. Jincheng's rule: an urban community is cut into grids of about 300–500
 * households; in a village one villagers' group is one grid. The counts are then nudged, village by village, until
 * the city has exactly the real total of 4,601 grids.
 */
export type CommunityKind = 'urban_core' | 'works_community' | 'urban_village' | 'village';

export const realGridTotal = 4601;

/** The urban core of a county: its 街道, or — where it has none — its seat town (the first 镇, code …100). */
export function isCoreStreet(street: StreetSource, county: CountySource): boolean {
  const hasStreets = county.streets.some((item) => item.kind === 'street');
  return street.kind === 'street' || (!hasStreets && street === county.streets[0]);
}

export function communityKind(village: VillageSource, coreStreet: boolean): CommunityKind {
  if (village.urban)
    return /(工业园|产业园|开发区|监狱|矿)/.test(village.name)
      ? 'works_community'
      : coreStreet
        ? 'urban_core'
        : 'works_community';
  return coreStreet ? 'urban_village' : 'village';
}

function initialCount(kind: CommunityKind, random: Random): number {
  switch (kind) {
    case 'urban_core':
      return random.int(3, 9);
    case 'works_community':
      return random.int(1, 3);
    case 'urban_village':
      return random.int(2, 4);
    case 'village':
      return random.weighted([1, 2, 3, 4], [18, 36, 30, 16]);
  }
}

/** Grid count per community code, summing to the real total. */
export function planGridCounts(counties: readonly CountySource[], seed: number): Map<string, number> {
  const random = randomFor(seed, 'grid-plan');
  const counts = new Map<string, number>();
  const villages: string[] = [];
  for (const county of counties) {
    for (const street of county.streets) {
      const core = isCoreStreet(street, county);
      for (const village of street.villages) {
        const kind = communityKind(village, core);
        counts.set(village.code, initialCount(kind, random));
        if (kind === 'village') villages.push(village.code);
      }
    }
  }
  let total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  for (let guard = 0; total !== realGridTotal && guard < 100_000; guard++) {
    const code = random.pick(villages);
    const count = counts.get(code) ?? 1;
    const step = total < realGridTotal ? 1 : -1;
    if (count + step < 1 || count + step > 5) continue;
    counts.set(code, count + step);
    total += step;
  }
  return counts;
}
