import { deserialize, serialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { z } from 'zod';
import { parseJsonBody } from '../src/data/json-body';
import { validateJsonReply, validatedResult } from '../src/data/json-worker/validate-json.protocol';
import { gridsSchema } from '../src/contract/schemas/contract.schema';
import { provinceGrids } from '../tests/e2e/province-data';
import type { BenchModule, BenchModuleResult } from './bench-module';
import { measureAlone, measuredRuns, median, timeOf, warmUpRuns } from './measure';
import { sized } from './quick';
import { digestOf } from './same-values';

/**
 * The province's 70,000 grids (GET /grids, 26 MB of GeoJSON): what the main thread spends before the first map
 * can use them. Before: the bytes decoded, JSON.parse and the contract's gridsSchema (zod, jitless as under the
 * app's CSP), all on the main thread (`fetchJson`). After: the JSON worker does all that and posts the validated
 * grids back as JSON text; the main thread deserialises the message (V8's deserializer, the one postMessage uses)
 * and parses the text. The worker's own time is given beside it. A full GC before every timed run, outside its
 * time: zod's garbage from one side would otherwise be collected in the other's (the worker's is not the page's).
 */
export const gridsValidationBench: BenchModule = {
  name: 'grids validation 70k',
  environment: 'node',
  run: runGridsValidationBench,
};

function runGridsValidationBench(log: (line: string) => void): BenchModuleResult {
  const province = provinceGrids();
  const gridCount = sized(province.features.length, 5_000);
  const text = JSON.stringify({ ...province, features: province.features.slice(0, gridCount) });
  const bytes = new TextEncoder().encode(text).buffer;
  const request = {
    schema: 'grids' as const,
    layer: 'grids' as const,
    url: '/api/grids',
    status: 200,
    bytes,
  };
  log(`grids validation: ${(bytes.byteLength / 1_048_576).toFixed(0)} MB of GeoJSON`);
  setFlagsFromString('--expose-gc');
  const collectGarbage = runInNewContext('gc') as () => void;
  z.config({ jitless: true });
  try {
    const clone = serialize(validateJsonReply(request));
    let before: unknown = null;
    let after: unknown = null;
    // measurePair's alternation, with a GC before each side outside its time.
    const pair = { baseline: [] as number[], candidate: [] as number[], speedups: [] as number[] };
    for (let run = 0; run < warmUpRuns + measuredRuns; run += 1) {
      collectGarbage();
      const baseline = timeOf(() => {
        before = parseJsonBody(request, 200, new TextDecoder().decode(bytes), gridsSchema);
      });
      collectGarbage();
      const candidate = timeOf(() => {
        after = validatedResult<'grids'>('grids', deserialize(clone) as never);
      });
      if (run < warmUpRuns) continue;
      pair.baseline.push(baseline);
      pair.candidate.push(candidate);
      pair.speedups.push(baseline / candidate);
    }
    const worker = measureAlone(() => serialize(validateJsonReply(request)));
    log(
      `grids validation: main thread ${median(pair.baseline).toFixed(0)} ms before, ${median(pair.candidate).toFixed(0)} ms after; the worker ${worker.toFixed(0)} ms`,
    );
    const notes = [
      'province fixture (tests/e2e/province-data.ts): 250 × 280 rectangular grids',
      'zod jitless, as the app runs it under its CSP; the message is deserialised with node:v8, as postMessage does; a GC before each timed run (both sides, outside the time)',
    ];
    return {
      figures: [
        {
          id: 'grids-validation-main-thread',
          label: `${gridCount / 1000} k grids: main-thread time before the first map can use them (JSON worker vs fetchJson)`,
          candidate: 'validate-json worker; main thread: the message deserialised, the grids JSON.parsed',
          baseline: 'fetchJson: decode + JSON.parse + gridsSchema (zod, jitless) on the main thread',
          baselineMilliseconds: median(pair.baseline),
          candidateMilliseconds: median(pair.candidate),
          speedup: median(pair.speedups),
          runs: pair.speedups.length,
          check: {
            description: `the ${gridCount} grids after identical to before, every property and coordinate (SHA-256 of both)`,
            passed: before !== null && digestOf(after) === digestOf(before),
          },
          notes,
        },
      ],
      info: [
        {
          id: 'grids-validation-worker',
          label: 'of which the JSON worker: decode + JSON.parse + gridsSchema + serialise for postMessage',
          value: worker,
          unit: 'ms',
          notes,
        },
      ],
    };
  } finally {
    z.config({ jitless: false });
  }
}
