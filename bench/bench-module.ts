/**
 * One measured figure: a candidate and its baseline, measured side by side in the same runs on the same machine,
 * so the ratio stays meaningful on a shared, noisy box where absolute times alone mean little.
 */
export interface BenchFigure {
  readonly id: string;
  readonly label: string;
  readonly candidate: string;
  readonly baseline: string;
  /** Median milliseconds for the whole workload (e.g. 1 M points). */
  readonly candidateMilliseconds: number;
  /** Median milliseconds for the same workload; scaled from a subsample where `notes` say so. */
  readonly baselineMilliseconds: number;
  /** Median over runs of (baseline ÷ candidate) computed within each run: how many times faster the candidate is. */
  readonly speedup: number;
  /** The smallest acceptable speedup, from the issue; absent for figures given for reference. */
  readonly goal?: number;
  readonly runs: number;
  /** Correctness check made on the same data, e.g. assignments identical to the baseline's. */
  readonly check?: { readonly description: string; readonly passed: boolean };
  readonly notes: readonly string[];
}

/** A figure without a baseline, e.g. an index build time. */
export interface BenchInfo {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly notes: readonly string[];
  /**
   * A goal stated as a bound (e.g. no main-thread task over 50 ms) and whether this run met it. `gates`: a bound
   * that does not depend on the machine's load (a size, not a time), so missing it fails the run like a mismatch.
   */
  readonly goal?: { readonly description: string; readonly met: boolean; readonly gates?: boolean };
}

export interface BenchModuleResult {
  readonly figures: BenchFigure[];
  readonly info: BenchInfo[];
}

/**
 * A benchmark module. `environment` is where it runs: the Node harness runs `node` modules; `chromium` modules
 * (deck.gl layers, the join worker under a real browser) are for the headless-browser runner to pick up.
 */
export interface BenchModule {
  readonly name: string;
  readonly environment: 'node' | 'chromium';
  run(log: (line: string) => void): Promise<BenchModuleResult> | BenchModuleResult;
}
