import { isDeepStrictEqual } from 'node:util';
import { Worker } from 'node:worker_threads';
import { computeIndicators } from '../src/data/adapters/client-indicators';
import { IndicatorsClient, type IndicatorsWorkerPort } from '../src/data/adapters/client/indicators-client';
import type { IndicatorsReply } from '../src/data/adapters/client/indicators-protocol';
import type { IndicatorQuery } from '../src/data/provider';
import type { CaseCollection, IndicatorsResponse } from '../src/contract/schemas/contract.schema';
import type { BenchModule, BenchModuleResult } from './bench-module';
import { benchNow, demoCityYear } from './demo-year';
import { measuredRuns, median, timeOf, warmUpRuns } from './measure';

/**
 * Client-side indicators (an Open311-like source: cases without grid ids) for a year of demo-city cases: the
 * worker's round trip (clone the cases out, join with the cached index, figures, clone the answer back) on a real
 * thread, against the synchronous path the dashboard used before (join with a fresh index, figures, on the caller's
 * thread). Node's worker_threads stand in for the browser's Web Worker; the handler is the same code.
 */
export const indicatorsWorkerBench: BenchModule = {
  name: 'indicators worker',
  environment: 'node',
  run: runIndicatorsWorkerBench,
};

function threadPort(): IndicatorsWorkerPort {
  // tsx's loader is registered inside the thread (execArgv loaders do not reach worker threads in Node 20).
  const thread = new URL('./indicators-thread.ts', import.meta.url).href;
  const worker = new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(thread)}); });`,
    { eval: true },
  );
  return {
    postMessage: (message, options) => worker.postMessage(message, options.transfer as never[]),
    addEventListener: (_type, listener) =>
      worker.on('message', (data: IndicatorsReply) => listener({ data } as MessageEvent<IndicatorsReply>)),
    terminate: () => void worker.terminate(),
  };
}

/**
 * The longest stretch the calling thread was busy while `task` ran: ticks are scheduled back to back with
 * setImmediate, and the widest gap between two ticks is the longest task a user would have felt as a freeze.
 */
async function longestStall(task: () => Promise<unknown>): Promise<number> {
  let longest = 0;
  let last = performance.now();
  let running = true;
  const tick = () => {
    const at = performance.now();
    longest = Math.max(longest, at - last);
    last = at;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  await task();
  running = false;
  tick();
  return longest;
}

async function runIndicatorsWorkerBench(log: (line: string) => void): Promise<BenchModuleResult> {
  const { city, year } = await demoCityYear();
  const now = benchNow;
  const cases: CaseCollection = {
    type: 'FeatureCollection',
    features: year.map((feature) => ({ ...feature, properties: { ...feature.properties, gridId: null } })),
  };
  const query: IndicatorQuery = {
    region: '',
    from: new Date(now - 365 * 86_400_000).toISOString(),
    to: new Date(now).toISOString(),
    interval: 'day',
  };
  const input = { cases, grids: city.grids, regions: city.regions, query, now };
  log(`indicators worker: ${cases.features.length} cases, ${city.grids.features.length} grids`);

  const client = new IndicatorsClient(threadPort());
  const firstCall = await (async () => {
    const started = performance.now();
    await client.compute(input);
    return performance.now() - started;
  })();
  const baseline: number[] = [];
  const candidate: number[] = [];
  const speedups: number[] = [];
  const stalls: number[] = [];
  const stallRatios: number[] = [];
  let synchronous: IndicatorsResponse | undefined;
  let fromWorker: IndicatorsResponse | undefined;
  for (let run = 0; run < warmUpRuns + measuredRuns; run += 1) {
    const baselineTime = timeOf(() => (synchronous = computeIndicators(input)));
    const started = performance.now();
    fromWorker = await client.compute(input);
    const candidateTime = performance.now() - started;
    const stall = await longestStall(() => client.compute(input));
    if (run < warmUpRuns) continue;
    stalls.push(stall);
    stallRatios.push(baselineTime / stall);
    baseline.push(baselineTime);
    candidate.push(candidateTime);
    speedups.push(baselineTime / candidateTime);
  }
  client.dispose();
  const same = isDeepStrictEqual(fromWorker, synchronous);
  log(
    `indicators worker: ${median(candidate).toFixed(0)} ms in the worker, ${median(baseline).toFixed(0)} ms inline`,
  );
  return {
    figures: [
      {
        id: 'indicators-worker-year',
        label: 'recompute all indicators (city, children, 365 daily buckets) for a year of cases',
        candidate: 'IndicatorsClient.compute: round trip to the worker, index cached there',
        baseline: 'computeIndicators on the calling thread (join with a fresh index, then figures)',
        baselineMilliseconds: median(baseline),
        candidateMilliseconds: median(candidate),
        speedup: median(speedups),
        runs: speedups.length,
        check: {
          description: same ? 'worker answer equals the synchronous one' : 'worker answer differs',
          passed: same && (fromWorker?.figures.casesReported ?? 0) > 0,
        },
        notes: [
          `${cases.features.length} demo-city cases without grid ids, ${city.grids.features.length} grids`,
          'wall-clock time; in the browser the main thread is free meanwhile except for the structured clone',
          'Node worker_threads stand in for the Web Worker (same handler)',
        ],
      },
      {
        id: 'indicators-worker-main-thread',
        label: 'longest main-thread stall while the year is recomputed',
        candidate: 'the widest gap between setImmediate ticks during IndicatorsClient.compute',
        baseline: 'computeIndicators inline: the thread is busy for all of it',
        baselineMilliseconds: median(baseline),
        candidateMilliseconds: median(stalls),
        speedup: median(stallRatios),
        runs: stallRatios.length,
        notes: ['the stall left is packing the cases and cloning them into the message'],
      },
    ],
    info: [
      {
        id: 'indicators-worker-first-call',
        label: 'first worker call: geography flattened, sent and indexed, then the year',
        value: firstCall,
        unit: 'ms',
        notes: [],
      },
    ],
  };
}
