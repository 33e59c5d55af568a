import type { CaseCategory, CaseChannel } from '../../src/domain/case';
import type { GridType } from '../../src/domain/grid';
import type { DemoCity } from '../demo-city';
import { planCase, type CaseKind, type CasePlan } from './case-plan';
import { hourlyActivity } from './case-catalogue';
import { dayMs } from '../../src/domain/china-time';
import type { GridProfile } from './grid-profiles';
import { createRandom, cumulativeOf, hashSeed, pickWeighted, type Random } from '../city/random';

/**
 * Local surges in the last days before "now": a burst water main, a street-vendor cluster… many neighbours
 * report the same thing in one grid within days. Ordinary days never show that (the year's cases are spread
 * thinly over thousands of grids), and it is exactly what the early warning (未诉先办, src/domain/hotspots.ts)
 * exists to catch, so without surges the demo city never shows the feature working.
 *
 * Drawn from their own seeded stream per (seed, anchor day), never from the year's: the rest of the year stays
 * as it was, and the surges do not depend on the time of day `now` falls at (cases after it are dropped later).
 */
interface SurgeScenario {
  category: CaseCategory;
  title: string;
  /** Grid types where it plausibly happens (a water main in an old neighbourhood, vendors in an urban village). */
  gridTypes: readonly GridType[];
  /** Reports in all, the first day included. */
  cases: readonly [min: number, max: number];
  /** Relative reports on day 0 (the day it starts), 1, 2… : a burst fades, a nuisance keeps coming. */
  dayShape: readonly number[];
  /** Who reports it: residents ring the hotline about a leak; grid workers' patrols find the vendors. */
  channels: Partial<Record<CaseChannel, number>>;
  /** How tightly the reports gather around the spot: more candidate points per report, tighter. */
  focus: number;
}

const scenarios: readonly SurgeScenario[] = [
  {
    category: 'livelihood',
    title: '自来水主管道漏水',
    gridTypes: ['old_town', 'new_build'],
    cases: [12, 18],
    dayShape: [1, 0.5, 0.25],
    channels: { hotline_12345: 0.6, app: 0.2, message_board: 0.1, walk_in: 0.1 },
    focus: 8,
  },
  {
    category: 'environment',
    title: '占道经营',
    gridTypes: ['urban_village', 'old_town'],
    cases: [9, 14],
    dayShape: [0.6, 1, 1, 1, 0.8],
    channels: { patrol: 0.45, hotline_12345: 0.35, app: 0.2 },
    focus: 4,
  },
  {
    category: 'environment',
    title: '夜间施工噪音扰民',
    gridTypes: ['new_build', 'urban_village'],
    cases: [8, 12],
    dayShape: [1, 1, 1, 0.7],
    channels: { hotline_12345: 0.65, app: 0.2, message_board: 0.15 },
    focus: 6,
  },
  {
    category: 'property',
    title: '电梯故障停运',
    gridTypes: ['new_build', 'old_town'],
    cases: [7, 10],
    dayShape: [1, 0.7, 0.4],
    channels: { hotline_12345: 0.5, app: 0.25, walk_in: 0.25 },
    focus: 10,
  },
  {
    category: 'safety_hazard',
    title: '燃气泄漏异味',
    gridTypes: ['old_town', 'urban_village'],
    cases: [6, 9],
    dayShape: [1, 0.4],
    channels: { hotline_12345: 0.75, patrol: 0.25 },
    focus: 8,
  },
];

/**
 * Surges start at most this many days before the anchor day and end by the day before it: all of each lies in
 * the last week whatever the time of day, and none is cut short by an early-morning `now`.
 */
const earliestStartDaysBack = 5;
const hourWeights = cumulativeOf(hourlyActivity);

/** A point near the surge's spot and inside the grid: the nearest of `focus` points drawn in the grid. */
function nearSpot(
  profile: GridProfile,
  spot: [number, number],
  focus: number,
): (random: Random) => [number, number] {
  return (random) => {
    let best = profile.sampler.sample(random);
    let bestDistance = Infinity;
    for (let draw = 0; draw < focus; draw++) {
      const point = draw === 0 ? best : profile.sampler.sample(random);
      const distance = Math.hypot(point[0] - spot[0], point[1] - spot[1]);
      if (distance < bestDistance) [best, bestDistance] = [point, distance];
    }
    return best;
  };
}

function channelPicker(shares: SurgeScenario['channels']): (random: Random) => CaseChannel {
  const channels = Object.keys(shares) as CaseChannel[];
  const weights = channels.map((channel) => shares[channel] ?? 0);
  return (random) => random.weighted(channels, weights);
}

/** One grid per scenario, each a different grid, busier grids likelier (more people to notice and report). */
function pickGrid(
  city: DemoCity,
  profiles: readonly GridProfile[],
  scenario: SurgeScenario,
  taken: ReadonlySet<number>,
  random: Random,
): number | null {
  // Profiles are made one per city grid, in the city's order (profileGrids), so an index names both.
  const candidates = profiles.flatMap((profile, index) => {
    const grid = city.grids.features[index]?.properties;
    return grid && !taken.has(index) && scenario.gridTypes.includes(grid.type) && grid.population > 0
      ? [index]
      : [];
  });
  if (candidates.length === 0) return null;
  const weights = cumulativeOf(candidates.map((index) => profiles[index]?.weight ?? 0));
  return candidates[pickWeighted(weights, random.next())] ?? null;
}

/**
 * The surges' cases for the anchor day, oldest first, ids empty: the generator numbers them in the day's
 * sequence together with the ordinary cases. Some may fall after `now`; the generator drops those.
 */
export function planSurges(
  city: DemoCity,
  profiles: readonly GridProfile[],
  seed: number | string,
  anchorStamp: string,
  anchorDay: number,
): CasePlan[] {
  const random = createRandom(hashSeed(seed, anchorStamp, 'surges'));
  const taken = new Set<number>();
  const plans: CasePlan[] = [];
  for (const scenario of scenarios) {
    const gridIndex = pickGrid(city, profiles, scenario, taken, random);
    const profile = gridIndex === null ? undefined : profiles[gridIndex];
    if (gridIndex === null || !profile) continue;
    taken.add(gridIndex);
    const spot = profile.sampler.sample(random);
    const kind: CaseKind = {
      category: scenario.category,
      title: scenario.title,
      channel: channelPicker(scenario.channels),
      place: nearSpot(profile, spot, scenario.focus),
    };
    const firstDay = anchorDay - random.int(scenario.dayShape.length, earliestStartDaysBack) * dayMs;
    const dayWeights = cumulativeOf(scenario.dayShape);
    const count = random.int(...scenario.cases);
    for (let report = 0; report < count; report++) {
      const day = firstDay + pickWeighted(dayWeights, random.next()) * dayMs;
      const reportedMs = day + (pickWeighted(hourWeights, random.next()) + random.next()) * 3_600_000;
      plans.push(planCase(profile, random, Math.floor(reportedMs / 1000) * 1000, '', kind));
    }
  }
  return plans.sort((a, b) => a.reportedMs - b.reportedMs);
}
