import type { DemoCity } from '../demo-city';
import { hourlyActivity, weekdayActivity } from './case-catalogue';
import { planCase, type CasePlan } from './case-plan';
import { chinaDateStamp, chinaDayStart, chinaWeekday, dayMs } from '../../src/domain/china-time';
import { profileGrids, type GridProfile } from './grid-profiles';
import { planSurges } from './surges';
import { createRandom, cumulativeOf, hashSeed, pickWeighted, type Random } from '../city/random';

export interface CaseGenerationOptions {
  seed: number | string;
  /** The moment the data ends; its local day is the anchor the year is counted back from. */
  now: number;
  /** City-wide cases in the year (高平市's real 7,579 for ~480 k people scales to ≈ 35,000 for Jincheng). */
  casesPerYear?: number;
  idPrefix?: string;
}

export interface GeneratedCases {
  /** Every case reported before `now`, oldest first. */
  plans: CasePlan[];
  profiles: GridProfile[];
  /** Cases numbered so far per local day, so live cases continue the day's sequence. */
  sequenceByDay: Map<string, number>;
}

export const defaultCasesPerYear = 35_000;
const yearDays = 365;
const hourMs = 3_600_000;
const hourWeights = cumulativeOf(hourlyActivity);

export const caseIdOf = (prefix: string, reportedMs: number, sequence: number): string =>
  `${prefix}${chinaDateStamp(reportedMs)}-${String(sequence).padStart(6, '0')}`;

/** Seasonal swell in summer (more environment and noise complaints) and day-to-day noise. */
function dayWeights(random: Random, firstDay: number): number[] {
  return Array.from({ length: yearDays }, (_, index) => {
    const day = firstDay + index * dayMs;
    const season = 1 + 0.1 * Math.sin((2 * Math.PI * (index + 30)) / yearDays);
    return (weekdayActivity[chinaWeekday(day)] ?? 1) * season * Math.exp(0.12 * random.normal());
  });
}

function timesOfDay(random: Random, day: number, count: number): number[] {
  const times: number[] = [];
  for (let index = 0; index < count; index++) {
    const hour = pickWeighted(hourWeights, random.next());
    times.push(day + hour * hourMs + Math.floor(random.next() * 3600) * 1000);
  }
  return times.sort((a, b) => a - b);
}

/** A year of cases up to `now`, the same for the same (seed, anchor day) and the same city. */
export function generateCases(city: DemoCity, options: CaseGenerationOptions): GeneratedCases {
  const { seed, now, casesPerYear = defaultCasesPerYear, idPrefix = 'JC' } = options;
  const anchorDay = chinaDayStart(now);
  const profiles = profileGrids(city, createRandom(hashSeed(seed, 'grids')));
  const gridWeights = cumulativeOf(profiles.map((profile) => profile.weight));
  const random = createRandom(hashSeed(seed, chinaDateStamp(anchorDay), 'cases'));
  const firstDay = anchorDay - (yearDays - 1) * dayMs;
  const weights = dayWeights(random, firstDay);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const plans: CasePlan[] = [];
  const sequenceByDay = new Map<string, number>();
  if (profiles.length === 0) return { plans, profiles, sequenceByDay };

  const surges = planSurges(city, profiles, seed, chinaDateStamp(anchorDay), anchorDay);
  let nextSurge = 0;

  weights.forEach((weight, index) => {
    const day = firstDay + index * dayMs;
    const expected = (casesPerYear * weight) / totalWeight;
    const count = Math.floor(expected) + (random.chance(expected % 1) ? 1 : 0);
    let sequence = 0;
    // Surge cases are numbered in the day's sequence with the rest, in report order.
    const surgesUntil = (untilMs: number) => {
      for (let surge = surges[nextSurge]; surge && surge.reportedMs < untilMs; surge = surges[++nextSurge]) {
        sequence += 1;
        if (surge.reportedMs < now)
          plans.push({ ...surge, id: caseIdOf(idPrefix, surge.reportedMs, sequence) });
      }
    };
    for (const reportedMs of timesOfDay(random, day, count)) {
      surgesUntil(reportedMs);
      sequence += 1;
      const profile = profiles[pickWeighted(gridWeights, random.next())];
      // Plans for the rest of today are still drawn, so the cases before `now` do not depend on `now` itself.
      const plan = profile && planCase(profile, random, reportedMs, caseIdOf(idPrefix, reportedMs, sequence));
      if (plan && reportedMs < now) plans.push(plan);
    }
    surgesUntil(day + dayMs);
    sequenceByDay.set(chinaDateStamp(day), sequence);
  });
  return { plans, profiles, sequenceByDay };
}
