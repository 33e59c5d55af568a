import { caseStages } from '../domain/case';
import type { FunnelStep } from '../domain/case-funnel';
import type { ViewColumns } from './view-columns';

/**
 * The domain's six-step funnel (domain/case-funnel.ts), computed on the columns: the step times are parsed once
 * when a case enters the store, so a streamed case re-runs a pass over numbers instead of re-parsing a year of
 * ISO strings. The unit test holds it equal to the domain's caseFunnel.
 */
/**
 * Put the k-th smallest value at `k`, smaller ones before it (Hoare's quickselect, in place). Sorting each step's
 * durations cost most of a streamed case's update (bench/live-cases.bench.ts); selection is linear on average.
 */
function selectNth(values: Float64Array, k: number): void {
  let left = 0;
  let right = values.length - 1;
  while (left < right) {
    const pivot = values[(left + right) >> 1] ?? 0;
    let low = left;
    let high = right;
    while (low <= high) {
      while ((values[low] ?? 0) < pivot) low += 1;
      while ((values[high] ?? 0) > pivot) high -= 1;
      if (low <= high) {
        const swap = values[low] ?? 0;
        values[low] = values[high] ?? 0;
        values[high] = swap;
        low += 1;
        high -= 1;
      }
    }
    if (k <= high) right = high;
    else if (k >= low) left = low;
    else return;
  }
}

function median(values: Float64Array): number | null {
  if (values.length === 0) return null;
  const middle = values.length >> 1;
  selectNth(values, middle);
  const upper = values[middle] ?? 0;
  if (values.length % 2 === 1) return upper;
  let lower = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < middle; index += 1) lower = Math.max(lower, values[index] ?? lower);
  return (lower + upper) / 2;
}

export function funnelOfColumns(columns: ViewColumns, rows: Uint32Array): FunnelStep[] {
  const steps = caseStages.length;
  const current = new Float64Array(steps);
  const durations = caseStages.map(() => new Float64Array(rows.length));
  const durationCounts = new Uint32Array(steps);
  for (const row of rows) {
    const stage = columns.stage[row] ?? 0;
    current[stage] = (current[stage] ?? 0) + 1;
    for (let index = 0; index < steps - 1; index += 1) {
      const entered = columns.stageEntered[index]?.[row] ?? Number.NaN;
      const left = columns.stageEntered[index + 1]?.[row] ?? Number.NaN;
      const hours = (left - entered) / 3_600_000;
      const list = durations[index];
      if (list && Number.isFinite(hours) && hours >= 0) {
        list[durationCounts[index] ?? 0] = hours;
        durationCounts[index] = (durationCounts[index] ?? 0) + 1;
      }
    }
  }
  let reached = 0;
  const reachedFromEnd = new Float64Array(steps);
  for (let index = steps - 1; index >= 0; index -= 1) {
    reached += current[index] ?? 0;
    reachedFromEnd[index] = reached;
  }
  return caseStages.map((stage, index) => ({
    stage,
    current: current[index] ?? 0,
    reached: reachedFromEnd[index] ?? 0,
    medianHours: median(durations[index]?.subarray(0, durationCounts[index] ?? 0) ?? new Float64Array(0)),
  }));
}
