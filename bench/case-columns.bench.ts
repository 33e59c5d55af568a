import { z } from 'zod';
import { decodeCaseColumns } from '../src/contract/columnar/case-columns.decode';
import { CaseColumns } from '../src/live/case-columns';
import type { CaseSelection } from '../src/live/case-selection';
import { caseViewOf } from '../src/live/case-view';
import { casesSchema, type CaseFeature } from '../src/contract/schemas/contract.schema';
import { caseStages } from '../src/domain/case';
import { caseId } from '../src/domain/ids';
import type { ColumnInput } from '../src/geo/columnar/points-columnar';
import { encodePointsColumnar } from '../src/geo/columnar/points-columnar.encode';
import type { BenchModule, BenchModuleResult } from './bench-module';
import { benchNow, demoCityYear } from './demo-year';
import { measureViewOffThread } from './case-view-offthread';
import { measureAlone, measurePair, median, warmUpRuns } from './measure';
import { sized } from './quick';
import { dayMs } from '../src/domain/china-time';

/**
 * 1 M cases into the cases tab's live columns: the columnar path (GET /cases in the columnar format: the decoding
 * worker's checks and remap, then CaseColumns.fromWire on the main thread) against the GeoJSON path (JSON.parse,
 * the contract's casesSchema as the browser runs it, jitless, and CaseColumns.from, all on the main thread). The
 * cases are the demo city's year (mocks/cases generator) repeated under new ids up to 1 M. The GeoJSON path is
 * timed on a 100 k sample and scaled per case: 1 M GeoJSON cases are ~600 MB of JSON and a minute a run.
 * Then the cases tab's view over the million: the main thread's cost per filter change and per streamed case with
 * the view worker (case-view-offthread.ts) against deriving it inline, as the tab did before.
 */
const caseCount = sized(1_000_000, 50_000);
const sampleCount = sized(100_000, 20_000);

export const caseColumnsBench: BenchModule = {
  name: 'case columns 1M',
  environment: 'node',
  run: runCaseColumnsBench,
};

/** Case `index` of the repeated year: the year's case `index % year.length`, under an id of its own. */
function repeated(year: readonly CaseFeature[], index: number): CaseFeature {
  const base = year[index % year.length];
  if (!base) throw new Error('empty year');
  const copy = Math.floor(index / year.length);
  return copy === 0
    ? base
    : { ...base, properties: { ...base.properties, id: caseId(`${base.properties.id}-${copy}`) } };
}

/** The columnar answer for cases `0 .. count - 1` of the repeated year, built column by column (no 1 M features). */
function columnarOf(year: readonly CaseFeature[], count: number): ArrayBuffer {
  const time = (text: string | null | undefined) => (text ? Date.parse(text) : null);
  const column = <T>(read: (properties: CaseFeature['properties']) => T): T[] => {
    const perYear = year.map(({ properties }) => read(properties));
    return Array.from({ length: count }, (_, index) => perYear[index % year.length] as T);
  };
  const positions = new Float64Array(count * 2);
  for (let index = 0; index < count; index += 1) {
    const [longitude, latitude] = year[index % year.length]?.geometry.coordinates ?? [0, 0];
    positions[index * 2] = longitude;
    positions[index * 2 + 1] = latitude;
  }
  const columns: ColumnInput[] = [
    { name: 'status', kind: 'category', values: column((p) => p.status) },
    { name: 'channel', kind: 'category', values: column((p) => p.channel) },
    { name: 'category', kind: 'category', values: column((p) => p.category) },
    { name: 'reportedAt', kind: 'timestamp', values: column((p) => time(p.reportedAt)) },
    { name: 'dueAt', kind: 'timestamp', values: column((p) => time(p.dueAt)) },
    { name: 'closedAt', kind: 'timestamp', values: column((p) => time(p.closedAt)) },
    { name: 'resolved', kind: 'boolean', values: column((p) => p.resolved) },
    { name: 'satisfaction', kind: 'category', values: column((p) => p.satisfaction) },
    { name: 'gridId', kind: 'category', values: column((p) => p.gridId) },
    ...caseStages.map((stage): ColumnInput => ({
      name: `stageTimes.${stage}`,
      kind: 'timestamp',
      values: column((p) => time(p.stageTimes?.[stage])),
    })),
  ];
  const ids = Array.from({ length: count }, (_, index) => repeated(year, index).properties.id);
  return encodePointsColumnar({ crs: 'wgs84', positionType: 'float64', positions, ids, columns });
}

async function runCaseColumnsBench(log: (line: string) => void): Promise<BenchModuleResult> {
  const { city, year } = await demoCityYear();
  const now = benchNow;
  const gridIds = city.grids.features.map((grid) => grid.properties.id);
  const encodeStarted = performance.now();
  const columnar = columnarOf(year, caseCount);
  const encodeMs = performance.now() - encodeStarted;
  const sampleFeatures = Array.from({ length: sampleCount }, (_, index) => repeated(year, index));
  const sample = JSON.stringify({ type: 'FeatureCollection', features: sampleFeatures });
  const megabytes = (bytes: number) => (bytes / 1_048_576).toFixed(0);
  log(
    `case columns: ${year.length} cases a year repeated to 1 M; columnar ${megabytes(columnar.byteLength)} MB (encoded in ${(encodeMs / 1000).toFixed(1)} s); GeoJSON ${megabytes(sample.length)} MB for the 100 k sample`,
  );

  // The app runs zod jitless (strict CSP, src/app/strict-csp.ts); so does its baseline here, for this module only.
  z.config({ jitless: true });
  let builtCount = 0;
  let sampleCheck = 0;
  let workerMs: number[] = [];
  const toColumns = (() => {
    try {
      return measurePair(
        () => {
          const parsed = casesSchema.parse(JSON.parse(sample));
          sampleCheck = CaseColumns.from(parsed.features, gridIds).count;
        },
        () => {
          const started = performance.now();
          const wire = decodeCaseColumns(columnar);
          workerMs.push(performance.now() - started);
          builtCount = CaseColumns.fromWire(wire, gridIds).count;
        },
        caseCount / sampleCount,
      );
    } finally {
      z.config({ jitless: false });
    }
  })();
  workerMs = workerMs.slice(warmUpRuns);
  const columns = CaseColumns.fromWire(decodeCaseColumns(columnar), gridIds);
  const wire = decodeCaseColumns(columnar);
  const mainThread = measureAlone(() => CaseColumns.fromWire(wire, gridIds));
  // Same cases both ways: the sample's columns equal the first 100 k rows of the 1 M built from the buffer.
  const reference = CaseColumns.from(casesSchema.parse(JSON.parse(sample)).features, gridIds);
  let mismatches = 0;
  for (let row = 0; row < sampleCount; row += 1) {
    if (
      reference.stage[row] !== columns.stage[row] ||
      reference.category[row] !== columns.category[row] ||
      reference.grid[row] !== columns.grid[row] ||
      reference.reportedAt[row] !== columns.reportedAt[row] ||
      reference.positions[row * 2] !== columns.positions[row * 2] ||
      reference.positions[row * 2 + 1] !== columns.positions[row * 2 + 1] ||
      reference.idAt(row) !== columns.idAt(row)
    )
      mismatches += 1;
  }
  const selection: CaseSelection = {
    from: now - 400 * dayMs,
    to: now + dayMs,
    stages: new Set(),
    categories: new Set(),
    channels: new Set(),
    overdueOnly: false,
    departments: new Set(),
    gridsInRegion: null,
    now,
  };
  let inView = 0;
  const view = measureAlone(() => (inView = caseViewOf(columns, selection, 'all').rows.length), 3);
  const offThread = await measureViewOffThread(
    // A decode of its own: the live columns adopt the arrays they are built from.
    { year, wire: decodeCaseColumns(columnar), gridIds, selection, streamedFrom: caseCount, repeated },
    log,
  );
  // A streamed case's lookup by id (the worker's id table): 1,000 ids spread over the million.
  let found = 0;
  const lookups = measureAlone(() => {
    found = 0;
    for (let row = 0; row < caseCount; row += 1000)
      if (columns.rowOf(columns.idAt(row) ?? '') === row) found += 1;
  });
  log(
    `case columns: columnar ${median(toColumns.candidate).toFixed(0)} ms (worker ${median(workerMs).toFixed(0)}), GeoJSON + zod ${median(toColumns.baseline).toFixed(0)} ms (scaled), ${median(toColumns.speedups).toFixed(0)}×; view ${view.toFixed(0)} ms; 1,000 id lookups ${lookups.toFixed(1)} ms`,
  );
  const notes = [
    `demo city's year (${year.length} cases, mocks/cases generator) repeated under new ids to 1 M; ${gridIds.length} grids`,
    `columnar ${megabytes(columnar.byteLength)} MB (float64 positions, ids, 5 category, 9 timestamp, 1 boolean column)`,
    `GeoJSON timed on ${sampleCount / 1000} k cases (${megabytes(sample.length)} MB) and scaled ×${caseCount / sampleCount}; zod jitless as in the browser`,
  ];
  return {
    figures: [
      ...offThread.figures,
      {
        id: 'case-columns-build',
        label: '1 M cases into the live case columns (columnar: worker decode + fromWire, vs GeoJSON + zod)',
        candidate: 'decodeCaseColumns (the decoding worker) + CaseColumns.fromWire (main thread)',
        baseline: 'JSON.parse + casesSchema (zod, jitless) + CaseColumns.from, on the main thread',
        baselineMilliseconds: median(toColumns.baseline),
        candidateMilliseconds: median(toColumns.candidate),
        speedup: median(toColumns.speedups),
        runs: toColumns.speedups.length,
        check: {
          description: `built ${builtCount} of ${caseCount}; sample ${sampleCheck} of ${sampleCount}; ${mismatches} of the sample's rows differ from the columnar rows; ${found} of ${Math.ceil(caseCount / 1000)} ids found`,
          passed:
            builtCount === caseCount &&
            sampleCheck === sampleCount &&
            mismatches === 0 &&
            found === Math.ceil(caseCount / 1000),
        },
        notes,
      },
    ],
    info: [
      ...offThread.info,
      {
        id: 'case-columns-worker',
        label: 'of which the decoding worker: decode, check, remap, id table for 1 M cases',
        value: median(workerMs),
        unit: 'ms',
        notes,
      },
      {
        id: 'case-columns-main-thread',
        label: 'of which the main thread: CaseColumns.fromWire over 1 M cases (positions, grid rows)',
        value: mainThread,
        unit: 'ms',
        notes,
      },
      {
        id: 'case-columns-view',
        label: `derive the cases tab's view over 1 M cases (heat, counts, lists, funnel; ${inView} in view)`,
        value: view,
        unit: 'ms',
        notes,
      },
      {
        id: 'case-columns-id-lookups',
        label:
          '1,000 lookups by id among 1 M columnar cases (the id table built in the worker; a streamed case does one)',
        value: lookups,
        unit: 'ms',
        notes,
      },
    ],
  };
}
