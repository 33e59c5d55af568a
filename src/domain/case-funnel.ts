import { caseStages, type CaseProperties, type CaseStage } from './case';
import { medianOfSorted } from './median';

/**
 * The six-step loop as a funnel: how many cases sit in each step now, and the median time cases spent in each
 * step they have left (from entering it to entering the next one), from their step timestamps.
 */
export interface FunnelStep {
  stage: CaseStage;
  /** Cases currently in this step. */
  current: number;
  /** Cases that have reached this step or a later one. */
  reached: number;
  /** Median hours spent in this step by cases that moved on from it; null when none did. */
  medianHours: number | null;
}

type FunnelFacts = Pick<CaseProperties, 'status' | 'stageTimes'>;

export function caseFunnel(cases: Iterable<FunnelFacts>): FunnelStep[] {
  const current = new Map<CaseStage, number>();
  const reached = new Map<CaseStage, number>();
  const durations = new Map<CaseStage, number[]>(caseStages.map((stage) => [stage, []]));
  for (const facts of cases) {
    current.set(facts.status, (current.get(facts.status) ?? 0) + 1);
    const position = caseStages.indexOf(facts.status);
    for (let index = 0; index <= position; index++) {
      const stage = caseStages[index];
      if (stage) reached.set(stage, (reached.get(stage) ?? 0) + 1);
    }
    const times = facts.stageTimes;
    if (!times) continue;
    for (let index = 0; index < caseStages.length - 1; index++) {
      const stage = caseStages[index];
      const next = caseStages[index + 1];
      if (!stage || !next) continue;
      const entered = times[stage];
      const left = times[next];
      if (entered && left) {
        const hours = (Date.parse(left) - Date.parse(entered)) / 3_600_000;
        if (Number.isFinite(hours) && hours >= 0) durations.get(stage)?.push(hours);
      }
    }
  }
  return caseStages.map((stage) => ({
    stage,
    current: current.get(stage) ?? 0,
    reached: reached.get(stage) ?? 0,
    medianHours: medianOfSorted([...(durations.get(stage) ?? [])].sort((a, b) => a - b)),
  }));
}
