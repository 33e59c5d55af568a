import { sized } from './quick';

/** Under --quick (bench/quick.ts) one timed run and no warm-up: the figures there are for the checks. */
export const warmUpRuns = sized(1, 0);
export const measuredRuns = sized(5, 1);

export interface PairedTimes {
  readonly baseline: number[];
  readonly candidate: number[];
  /** Baseline ÷ candidate within each run, after scaling both to the same workload. */
  readonly speedups: number[];
}

/**
 * Time a baseline and a candidate alternately, run by run: a noisy neighbour slows both halves of one run alike,
 * so the per-run ratio is steadier than the ratio of medians. Warm-up runs let the JIT settle and are dropped.
 * `baselineScale` turns a subsample's time into the full workload's (points are independent, so time scales).
 */
export function measurePair(
  baseline: () => void,
  candidate: () => void,
  baselineScale = 1,
  runs = measuredRuns,
): PairedTimes {
  const times: PairedTimes = { baseline: [], candidate: [], speedups: [] };
  for (let run = 0; run < warmUpRuns + runs; run++) {
    const baselineTime = timeOf(baseline) * baselineScale;
    const candidateTime = timeOf(candidate);
    if (run < warmUpRuns) continue;
    times.baseline.push(baselineTime);
    times.candidate.push(candidateTime);
    times.speedups.push(baselineTime / candidateTime);
  }
  return times;
}

/** Median of single-sided runs after warm-up, for figures without a baseline. */
export function measureAlone(task: () => void, runs = measuredRuns): number {
  const times: number[] = [];
  for (let run = 0; run < warmUpRuns + runs; run++) {
    const time = timeOf(task);
    if (run >= warmUpRuns) times.push(time);
  }
  return median(times);
}

export function timeOf(task: () => void): number {
  const started = performance.now();
  task();
  return performance.now() - started;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}
