import type { DemoCity } from '../demo-city';
import { CaseStore } from '../cases/case-store';
import { generateCases } from '../cases/generate-cases';
import { generateVolunteerHours, type VolunteerLog } from '../cases/volunteer-hours';
import { GridStore } from './grid-store';
import { UnitTree } from '../../src/domain/unit-tree';
import { WorkerStore } from '../workers/worker-store';

export interface MockApiOptions {
  city: DemoCity;
  /** Where the contract is served: "/api" in the browser, an absolute URL under Node. */
  baseUrl?: string;
  /**
   * The data's "now". A Date fixes the anchor day (reproducible data) and the clock runs on from it in real
   * time; a function is read on every request (tests drive time with it).
   */
  now?: Date | (() => Date);
  /** Defaults to the demo city's generator seed. */
  seed?: number | string;
  casesPerYear?: number;
  volunteerHoursPerYear?: number;
  /** A new live case every this many milliseconds (default 5,000). */
  streamIntervalMs?: number;
  /** Validate every response against the contract's schemas before sending it (default true). */
  validateResponses?: boolean;
  idPrefix?: string;
}

/** Everything one mock session remembers; handlers read and write only this. */
export interface MockState {
  city: DemoCity;
  baseUrl: string;
  clock: () => number;
  units: UnitTree;
  grids: GridStore;
  readonly cases: CaseStore;
  readonly volunteers: VolunteerLog;
  workers: WorkerStore;
  streamIntervalMs: number;
  validateResponses: boolean;
}

function clockOf(now: MockApiOptions['now']): () => number {
  if (typeof now === 'function') return () => now().getTime();
  const offset = now ? now.getTime() - Date.now() : 0;
  return () => Date.now() + offset;
}

export function createMockState(options: MockApiOptions): MockState {
  const { city, baseUrl = '/api', casesPerYear, volunteerHoursPerYear, idPrefix = 'JC' } = options;
  const clock = clockOf(options.now);
  const startMs = clock();
  const seed = options.seed ?? city.generator.seed;
  const streamIntervalMs = Math.max(10, options.streamIntervalMs ?? 5_000);
  // A year of cases and volunteer hours takes the mock seconds to generate on a busy machine, on the page's main
  // thread: made on the first request that reads them (the review panel's, after the first map), not before the
  // map's own requests. Generated from the same seed and start as ever, so the data is the same.
  let cases: CaseStore | undefined;
  let volunteers: VolunteerLog | undefined;
  return {
    city,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    clock,
    units: UnitTree.of(city.regions, city.grids),
    grids: new GridStore(city.grids.features),
    get cases() {
      cases ??= new CaseStore(
        generateCases(city, { seed, now: startMs, idPrefix, ...(casesPerYear ? { casesPerYear } : {}) }),
        { seed, startMs, intervalMs: streamIntervalMs, idPrefix },
      );
      return cases;
    },
    get volunteers() {
      volunteers ??= generateVolunteerHours(city, {
        seed,
        now: startMs,
        ...(volunteerHoursPerYear ? { hoursPerYear: volunteerHoursPerYear } : {}),
      });
      return volunteers;
    },
    workers: new WorkerStore(city.grids.features, seed),
    streamIntervalMs,
    validateResponses: options.validateResponses ?? true,
  };
}
