import type { Period } from '../../src/domain/indicators';
import type { RegionId } from '../../src/domain/ids';
import type { DemoCity } from '../demo-city';
import { chinaDayStart, chinaWeekday, dayMs } from '../../src/domain/china-time';
import { createRandom, hashSeed } from '../city/random';

/**
 * Volunteer hours logged per community per local day (Jincheng: 446,000 hours a year city-wide), weighted by the
 * community's population and busier at weekends. Whole hours, so a parent's total is exactly its children's sum.
 */
export interface VolunteerLog {
  firstDayMs: number;
  days: number;
  /** Prefix sums per community: entry d = hours logged on days before day d. */
  cumulativeByCommunity: Map<RegionId, Float64Array>;
}

export interface VolunteerOptions {
  seed: number | string;
  now: number;
  hoursPerYear?: number;
}

export const defaultVolunteerHoursPerYear = 446_000;
const yearDays = 365;

export function generateVolunteerHours(city: DemoCity, options: VolunteerOptions): VolunteerLog {
  const { seed, now, hoursPerYear = defaultVolunteerHoursPerYear } = options;
  const anchorDay = chinaDayStart(now);
  const firstDayMs = anchorDay - (yearDays - 1) * dayMs;
  const random = createRandom(hashSeed(seed, 'volunteers', anchorDay));
  const population = new Map<RegionId, number>();
  for (const grid of city.grids.features) {
    const { communityId, population: residents } = grid.properties;
    population.set(communityId, (population.get(communityId) ?? 0) + residents);
  }
  // Some communities are more active than their size suggests; normalised so the city total stays on target.
  const weights = new Map(
    [...population].map(([id, residents]) => [id, residents * Math.exp(0.3 * random.normal())]),
  );
  const totalWeight = [...weights.values()].reduce((sum, value) => sum + value, 0) || 1;
  const dayFactors = Array.from({ length: yearDays }, (_, index) =>
    chinaWeekday(firstDayMs + index * dayMs) >= 5 ? 1.5 : 0.86,
  );
  const factorMean = dayFactors.reduce((sum, value) => sum + value, 0) / yearDays;
  const cumulativeByCommunity = new Map<RegionId, Float64Array>();
  const noiseMean = Math.exp(0.25 ** 2 / 2);
  for (const [communityId, weight] of weights) {
    const perDay = (hoursPerYear * weight) / totalWeight / yearDays / factorMean / noiseMean;
    const cumulative = new Float64Array(yearDays + 1);
    for (let day = 0; day < yearDays; day++) {
      const expected = perDay * (dayFactors[day] ?? 1) * Math.exp(0.25 * random.normal());
      const hours = Math.floor(expected) + (random.chance(expected % 1) ? 1 : 0);
      cumulative[day + 1] = (cumulative[day] ?? 0) + hours;
    }
    cumulativeByCommunity.set(communityId, cumulative);
  }
  return { firstDayMs, days: yearDays, cumulativeByCommunity };
}

/** Hours logged in a community on the days whose start lies in the period. */
export function volunteerHoursIn(log: VolunteerLog, communityId: RegionId, period: Period): number {
  const cumulative = log.cumulativeByCommunity.get(communityId);
  if (!cumulative) return 0;
  const dayIndex = (ms: number) => Math.min(log.days, Math.max(0, Math.ceil((ms - log.firstDayMs) / dayMs)));
  return (cumulative[dayIndex(period.to)] ?? 0) - (cumulative[dayIndex(period.from)] ?? 0);
}
