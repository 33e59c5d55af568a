import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { CaseColumnsWire } from '../src/contract/columnar/case-columns.decode';
import type { CaseSelection } from '../src/live/case-selection';
import { caseViewOf } from '../src/live/case-view';
import { CaseViewClient, type AnsweredView, type CaseViewPort } from '../src/live/case-view-client';
import type { CaseViewReply } from '../src/live/case-view.protocol';
import { LiveCases } from '../src/live/live-cases';
import type { CaseFeature } from '../src/contract/schemas/contract.schema';
import { caseChannels } from '../src/domain/case';
import type { BenchFigure, BenchInfo } from './bench-module';
import { median, measuredRuns, timeOf, warmUpRuns } from './measure';

/** How long each postMessage held the calling thread (the structured clone happens there), in ms. */
const postTimes: number[] = [];

/** The view worker on a Node worker thread (the handler the browser's Web Worker runs), behind the client's port. */
export function caseViewThreadPort(): CaseViewPort {
  // tsx's loader is registered inside the thread (execArgv loaders do not reach worker threads in Node 20).
  const thread = new URL('./case-view-thread.ts', import.meta.url).href;
  const worker = new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(thread)}); });`,
    { eval: true },
  );
  return {
    postMessage: (message, options) =>
      postTimes.push(timeOf(() => worker.postMessage(message, options.transfer as never[]))),
    addEventListener: (_type, listener) =>
      worker.on('message', (data: CaseViewReply) => listener({ data } as MessageEvent<CaseViewReply>)),
    terminate: () => void worker.terminate(),
  };
}

export interface OffThreadTimes {
  /** The inline derivation (the baseline), per run. */
  baseline: number[];
  /** The main thread's busy time over the candidate's round trip (event-loop utilisation, active ms), per run. */
  candidate: number[];
  /** Wall clock from the change to the view delivered, per run. */
  latency: number[];
  speedups: number[];
}

/**
 * Baseline and candidate back to back in each run, as measurePair, for a candidate that answers later: what it
 * costs the main thread is the event loop's active time from the change until the answer is delivered (sending,
 * receiving, deserialising the transferred arrays), not the wall clock the worker spends deriving.
 */
export async function measureOffThread(
  baseline: () => void,
  candidate: () => Promise<void>,
  runs = measuredRuns,
): Promise<OffThreadTimes> {
  const times: OffThreadTimes = { baseline: [], candidate: [], latency: [], speedups: [] };
  for (let run = 0; run < warmUpRuns + runs; run++) {
    const baselineTime = timeOf(baseline);
    const before = performance.eventLoopUtilization();
    const started = performance.now();
    await candidate();
    const latency = performance.now() - started;
    const busy = performance.eventLoopUtilization(before).active;
    if (run < warmUpRuns) continue;
    times.baseline.push(baselineTime);
    times.candidate.push(busy);
    times.latency.push(latency);
    times.speedups.push(baselineTime / busy);
  }
  return times;
}

export interface OffThreadInput {
  year: readonly CaseFeature[];
  wire: CaseColumnsWire;
  gridIds: readonly string[];
  selection: CaseSelection;
  /** Index of the first streamed case in the repeated year (past the ones loaded). */
  streamedFrom: number;
  repeated: (year: readonly CaseFeature[], index: number) => CaseFeature;
}

/**
 * The cases tab's view over 1 M cases with the view worker on a real thread, against the inline derivation the
 * tab ran before, per filter change (every case stays in view: the worst case) and per streamed case.
 */
export async function measureViewOffThread(
  input: OffThreadInput,
  log: (line: string) => void,
): Promise<{ figures: BenchFigure[]; info: BenchInfo[] }> {
  const live = new LiveCases();
  live.reset(input.wire, input.gridIds, 'year', 0);
  const client = new CaseViewClient(caseViewThreadPort);
  const roundTrip = (selection: CaseSelection) =>
    new Promise<AnsweredView>((resolve) => {
      const { columns, version } = live.snapshot();
      client.request(columns, version, selection, 'all', resolve);
    });
  try {
    // Once per snapshot: the columns are cloned into the worker (the main thread's share is the clone).
    const copyStarted = performance.now();
    postTimes.length = 0;
    await roundTrip(input.selection);
    const firstMs = performance.now() - copyStarted;
    const copyLongest = Math.max(...postTimes);
    const copyTotal = postTimes.reduce((sum, time) => sum + time, 0);
    const copyPosts = postTimes.length;

    // A filter change that keeps every case in view: no channel chosen, then every channel chosen.
    let flip = false;
    const changed = () => {
      flip = !flip;
      return { ...input.selection, channels: new Set(flip ? caseChannels : []) };
    };
    const filter = await measureOffThread(
      () => caseViewOf(live.snapshot().columns, changed(), 'all'),
      async () => {
        await roundTrip(changed());
      },
    );

    // A streamed case: applied to the live columns (both sides), then the view.
    let next = input.streamedFrom;
    const stream = () => live.applyAll([{ feature: input.repeated(input.year, next++), at: 0 }]);
    const streamed = await measureOffThread(
      () => {
        stream();
        caseViewOf(live.snapshot().columns, input.selection, 'all');
      },
      async () => {
        stream();
        await roundTrip(input.selection);
      },
    );

    // Same view both ways after the stream: the worker's copy kept up with every streamed row.
    const answer = await roundTrip(input.selection);
    const inline = caseViewOf(live.snapshot().columns, input.selection, 'all');
    const same =
      isDeepStrictEqual(answer.view.rows, inline.rows) &&
      isDeepStrictEqual(answer.view.points, inline.points) &&
      isDeepStrictEqual(answer.view.latest, inline.latest) &&
      isDeepStrictEqual(answer.view.overdue, inline.overdue) &&
      isDeepStrictEqual(answer.view.funnel, inline.funnel) &&
      isDeepStrictEqual(answer.view.outsideGrids, inline.outsideGrids) &&
      isDeepStrictEqual(answer.view.heat, inline.heat);
    const expected = input.wire.count + (next - input.streamedFrom);
    log(
      `case view: filter change inline ${median(filter.baseline).toFixed(0)} ms, main thread with the worker ${median(filter.candidate).toFixed(1)} ms (answer after ${median(filter.latency).toFixed(0)} ms); streamed case ${median(streamed.baseline).toFixed(0)} ms vs ${median(streamed.candidate).toFixed(1)} ms; columns to the worker ${copyTotal.toFixed(0)} ms in ${copyPosts} posts, longest ${copyLongest.toFixed(0)} ms`,
    );
    const notes = [
      'candidate: the main thread’s active time (event-loop utilisation) from the change until the view is delivered: the client’s patch and request, receiving the transferred arrays',
      'the view worker runs on a Node worker thread (the same handler as the browser’s Web Worker); 2 cores, shared',
    ];
    const check = {
      description: `worker's view equals the inline one, row by row (rows, points, heat, lists, funnel), after ${next - input.streamedFrom} streamed cases (${answer.view.rows.length} in view, ${expected} expected)`,
      // Every case is in view or in the outside-the-grids bucket (src/domain/outside-grids.ts).
      passed: same && answer.view.rows.length + answer.view.outsideGrids.total === expected,
    };
    return {
      figures: [
        {
          id: 'case-view-filter-change',
          label: "cases tab's view over 1 M cases, per filter change: main thread's cost",
          candidate:
            'CaseViewClient: request to the view worker, transferred answer (main thread active time)',
          baseline: 'caseViewOf inline on the main thread (the tab before)',
          baselineMilliseconds: median(filter.baseline),
          candidateMilliseconds: median(filter.candidate),
          speedup: median(filter.speedups),
          runs: filter.speedups.length,
          check,
          notes,
        },
        {
          id: 'case-view-streamed-case',
          label: "cases tab's view over 1 M cases, per streamed case: main thread's cost",
          candidate: 'LiveCases.applyAll + CaseViewClient (the written row as a patch, request, answer)',
          baseline: 'LiveCases.applyAll + caseViewOf inline',
          baselineMilliseconds: median(streamed.baseline),
          candidateMilliseconds: median(streamed.candidate),
          speedup: median(streamed.speedups),
          runs: streamed.speedups.length,
          check,
          notes,
        },
      ],
      info: [
        {
          id: 'case-view-filter-latency',
          label: 'of which: wall clock until the worker’s view is delivered, per filter change (1 M)',
          value: median(filter.latency),
          unit: 'ms',
          notes,
        },
        {
          id: 'case-view-streamed-latency',
          label: 'of which: wall clock until the worker’s view is delivered, per streamed case (1 M)',
          value: median(streamed.latency),
          unit: 'ms',
          notes,
        },
        {
          id: 'case-view-columns-copy',
          label: 'once per snapshot: the 1 M columns cloned into the view worker, all columns (main thread)',
          value: copyTotal,
          unit: 'ms',
          notes,
        },
        {
          id: 'case-view-columns-copy-longest',
          label: 'once per snapshot: the longest of those tasks (one column a task)',
          value: copyLongest,
          unit: 'ms',
          notes,
        },
        {
          id: 'case-view-first',
          label:
            'once per snapshot: from the columns sent to the first view (wall clock; the bench also starts the thread)',
          value: firstMs,
          unit: 'ms',
          notes,
        },
      ],
    };
  } finally {
    client.dispose();
  }
}
