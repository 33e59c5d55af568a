import {
  caseCategories,
  caseChannels,
  caseStages,
  type CaseCategory,
  type CaseChannel,
  type CaseProperties,
  type CaseStage,
  type Satisfaction,
} from '../../src/domain/case';
import { caseId, type GridId } from '../../src/domain/ids';
import { categoryProfiles, channelShares } from './case-catalogue';
import { handlingAt, planHandling, type CaseHandling } from './case-handling';
import { dayMs, formatChinaTime } from '../../src/domain/china-time';
import type { GridProfile } from './grid-profiles';
import { cumulativeOf, pickWeighted, type Random } from '../city/random';

/**
 * A case's whole life decided up front (when each step happens, how it ends), then projected onto "now": the
 * same plan gives the same case whatever moment it is looked at, and the past never changes under a reload.
 */
export interface CasePlan {
  id: string;
  title: string;
  channel: CaseChannel;
  category: CaseCategory;
  gridId: GridId;
  coordinates: [number, number];
  reportedMs: number;
  dueMs: number;
  /** When each of the six steps is entered, in order; the last is the close. */
  stageMs: number[];
  resolved: boolean;
  satisfaction: Satisfaction | null;
  /** Department, assignee, settlement level, escalations and supervision (case-handling.ts). */
  handling: CaseHandling;
}

/** The wire shape of one case (a GeoJSON point feature). */
export interface CaseWire {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: CaseProperties;
}

const categoryWeights = cumulativeOf(caseCategories.map((category) => categoryProfiles[category].share));
const channelWeights = cumulativeOf(caseChannels.map((channel) => channelShares[channel]));
const ratedShare = 0.82;
const minuteMs = 60_000;

function planStages(random: Random, reportedMs: number, allowedMs: number, onTime: boolean): number[] {
  const total = onTime
    ? allowedMs * (0.08 + 0.92 * Math.pow(random.next(), 0.8))
    : allowedMs * (1.02 - 0.4 * Math.log(1 - random.next()));
  const filed = reportedMs + Math.max(5 * minuteMs, total * random.between(0.005, 0.03));
  const assigned = filed + Math.max(10 * minuteMs, total * random.between(0.01, 0.06));
  const handling = assigned + Math.max(10 * minuteMs, total * random.between(0.02, 0.1));
  const closed = Math.max(reportedMs + total, handling + 2 * 60 * minuteMs);
  const feedback = handling + (closed - handling) * random.between(0.75, 0.95);
  return [reportedMs, filed, assigned, handling, feedback, closed];
}

function drawSatisfaction(random: Random, resolved: boolean, target: number): Satisfaction | null {
  if (!random.chance(ratedShare)) return null;
  // Unresolved cases are rated far worse; the factors keep the city-wide share near the target.
  const dissatisfied = resolved ? (1 - target) * 0.45 : Math.min(0.85, (1 - target) * 7.3);
  if (random.chance(dissatisfied)) return 'dissatisfied';
  return random.chance(0.78) ? 'satisfied' : 'basically_satisfied';
}

/**
 * What a surge fixes about its cases (surges.ts): one kind and title, its own mix of channels, a place. The rest
 * (deadline from the kind, stages, outcome, rating) is drawn as for any case in the grid.
 */
export interface CaseKind {
  category: CaseCategory;
  title: string;
  channel: (random: Random) => CaseChannel;
  place: (random: Random) => [number, number];
}

export function planCase(
  profile: GridProfile,
  random: Random,
  reportedMs: number,
  id: string,
  kind?: CaseKind,
): CasePlan {
  const category =
    kind?.category ?? caseCategories[pickWeighted(categoryWeights, random.next())] ?? 'livelihood';
  const channel: CaseChannel = kind
    ? kind.channel(random)
    : category === 'patrol_task'
      ? 'patrol'
      : (caseChannels[pickWeighted(channelWeights, random.next())] ?? 'other');
  const catalogue = categoryProfiles[category];
  const allowedMs = catalogue.deadlineDays * dayMs;
  const resolved = random.chance(profile.resolution);
  // Drawn in the order they always were, so every case keeps its values.
  const title = kind?.title ?? random.pick(catalogue.titles);
  const coordinates = kind ? kind.place(random) : profile.sampler.sample(random);
  const stageMs = planStages(random, reportedMs, allowedMs, random.chance(profile.onTime));
  const satisfaction = drawSatisfaction(random, resolved, profile.satisfaction);
  const dueMs = reportedMs + allowedMs;
  const late = (stageMs.at(-1) ?? 0) > dueMs;
  return {
    id,
    title,
    channel,
    category,
    gridId: profile.gridId,
    coordinates,
    reportedMs,
    dueMs,
    stageMs,
    resolved,
    satisfaction,
    handling: planHandling(id, category, profile.gridId, late, allowedMs),
  };
}

/** The case as it stands at `nowMs`: steps entered so far, and an outcome only once closed. */
export function caseAt(plan: CasePlan, nowMs: number): CaseWire {
  const stageTimes: Partial<Record<CaseStage, string>> = {};
  const enteredMs: Partial<Record<CaseStage, number>> = {};
  let status: CaseStage = 'reported';
  for (let index = 0; index < caseStages.length; index++) {
    const stage = caseStages[index];
    const at = plan.stageMs[index];
    if (stage === undefined || at === undefined || at > nowMs) break;
    stageTimes[stage] = formatChinaTime(at);
    // The wire's whole seconds, so the fields derived from a step agree with its time as sent.
    enteredMs[stage] = Date.parse(stageTimes[stage]);
    status = stage;
  }
  const closed = stageTimes.closed !== undefined;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: plan.coordinates },
    properties: {
      id: caseId(plan.id),
      title: plan.title,
      channel: plan.channel,
      category: plan.category,
      status,
      reportedAt: formatChinaTime(plan.reportedMs),
      dueAt: formatChinaTime(plan.dueMs),
      closedAt: closed ? (stageTimes.closed ?? null) : null,
      resolved: closed ? plan.resolved : null,
      satisfaction: closed ? plan.satisfaction : null,
      gridId: plan.gridId,
      stageTimes,
      ...handlingAt(plan.handling, plan.dueMs, enteredMs, nowMs),
    },
  };
}
