import { caseAt } from '../mocks/cases/case-plan';
import { generateCases } from '../mocks/cases/generate-cases';
import { CaseColumns } from '../src/live/case-columns';
import type { CaseSelection } from '../src/live/case-selection';
import { caseViewOf, type CaseView } from '../src/live/case-view';
import { LiveCases } from '../src/live/live-cases';
import type { CaseFeature } from '../src/contract/schemas/contract.schema';
import { isOverdue } from '../src/domain/case';
import type { BenchModule, BenchModuleResult } from './bench-module';
import { benchNow, demoCityYear } from './demo-year';
import { measurePair, measuredRuns, median, warmUpRuns } from './measure';
import { digestOf } from './same-values';
import { dayMs } from '../src/domain/china-time';

/**
 * The live cases' update cost on a year of demo-city cases (mocks/cases, the same generator the mock API serves):
 * one streamed case applied in place and the view re-derived, against rebuilding the columns from the features;
 * and a re-filter of the year over the columns, against filtering the parsed GeoJSON features one object at a time.
 */
const streamedPerRun = 50;

export const liveCasesBench: BenchModule = {
  name: 'live cases',
  environment: 'node',
  run: runLiveCasesBench,
};

async function runLiveCasesBench(log: (line: string) => void): Promise<BenchModuleResult> {
  const { city, year } = await demoCityYear();
  const now = benchNow;
  // Cases reported after the snapshot: what the stream brings, distinct for every measured run.
  const later = generateCases(city, { seed: 'jincheng', now: now + 2 * dayMs }).plans.filter(
    (plan) => plan.reportedMs >= now,
  );
  const stream: CaseFeature[] = later.map((plan) => caseAt(plan, now + 2 * dayMs));
  const gridIds = city.grids.features.map((grid) => grid.properties.id);
  log(`live cases: ${year.length} cases in the year, ${stream.length} streamed candidates`);

  const all = { from: now - 365 * dayMs, to: now + 3 * dayMs };
  const selection: CaseSelection = {
    ...all,
    stages: new Set(),
    categories: new Set(),
    channels: new Set(),
    overdueOnly: false,
    departments: new Set(),
    gridsInRegion: null,
    now,
  };

  // 1. One streamed case: apply it in place and re-derive the view (what the cases tab does per event) …
  const live = new LiveCases();
  live.reset(year, gridIds, 'year', now);
  let next = 0;
  let lastView: CaseView | null = null;
  const needed = (warmUpRuns + measuredRuns) * streamedPerRun;
  const batch = stream.slice(0, needed);
  const apply = measurePair(
    // … against rebuilding the columns from every feature and deriving the same view.
    () => {
      const streamed = batch[next];
      const columns = CaseColumns.from(streamed ? [...year, streamed] : year, gridIds);
      caseViewOf(columns, selection, 'all');
    },
    () => {
      for (let index = 0; index < streamedPerRun; index += 1) {
        const feature = batch[next];
        next += 1;
        if (feature) live.apply(feature, now);
        lastView = caseViewOf(live.snapshot().columns, selection, 'all');
      }
    },
    streamedPerRun,
  );
  // The view after the stream, derived again from columns built from scratch of the year and the streamed cases.
  const streamedView = lastView as CaseView | null;
  const rebuiltView = caseViewOf(
    CaseColumns.from([...year, ...batch.slice(0, next)], gridIds),
    selection,
    'all',
  );
  const applySame = streamedView !== null && digestOf(streamedView) === digestOf(rebuiltView);
  const perCase = (times: readonly number[]) => median(times) / streamedPerRun;
  log(`live cases: apply ${perCase(apply.candidate).toFixed(3)} ms per case`);

  // 1b. A burst of streamed cases within one frame, coalesced (CaseBatcher): applied together, one view …
  const burst = 10;
  const coalescedStore = new LiveCases();
  coalescedStore.reset(year, gridIds, 'year', now);
  const oneByOneStore = new LiveCases();
  oneByOneStore.reset(year, gridIds, 'year', now);
  let burstNext = needed;
  const burstOf = () =>
    Array.from({ length: burst }, () => {
      const feature = stream[burstNext % stream.length];
      burstNext += 1;
      if (!feature) throw new Error('no streamed cases');
      return { feature, at: now };
    });
  let coalescedView: CaseView | null = null;
  let oneByOneView: CaseView | null = null;
  const coalesced = measurePair(
    // … against each event applied and derived on its own, as the tab did before.
    () => {
      for (const event of burstOf()) {
        oneByOneStore.apply(event.feature, event.at);
        oneByOneView = caseViewOf(oneByOneStore.snapshot().columns, selection, 'all');
      }
    },
    () => {
      burstNext -= burst;
      coalescedStore.applyAll(burstOf());
      coalescedView = caseViewOf(coalescedStore.snapshot().columns, selection, 'all');
    },
  );
  log(`live cases: burst of ${burst} coalesced ${median(coalesced.candidate).toFixed(1)} ms`);

  // 2. Re-filter the year: a category and overdue-only over the columns …
  const columns = CaseColumns.from(year, gridIds);
  const filtered: CaseSelection = { ...selection, categories: new Set(['environment']), overdueOnly: true };
  let columnRows: number[] = [];
  let objectRows: number[] = [];
  const refilter = measurePair(
    // … against the same filter over the parsed features (Date.parse and string compares per case).
    () => {
      const nowDate = new Date(now);
      objectRows = year.flatMap((feature, row) => {
        const properties = feature.properties;
        const reported = Date.parse(properties.reportedAt);
        const kept =
          reported >= filtered.from &&
          reported < filtered.to &&
          properties.category === 'environment' &&
          isOverdue(properties, nowDate);
        return kept ? [row] : [];
      });
    },
    () => {
      // Rows of the columns are the year's features in order, so both sides name cases by the same numbers.
      columnRows = Array.from(caseViewOf(columns, filtered, 'all').rows).sort((a, b) => a - b);
    },
  );
  log(`live cases: re-filter ${median(refilter.candidate).toFixed(2)} ms`);

  // (Both assigned inside the timed closures, which the compiler's narrowing does not follow.)
  const [coalescedAfter, oneByOneAfter] = [coalescedView, oneByOneView] as (CaseView | null)[];
  const coalescedSame = coalescedAfter != null && digestOf(coalescedAfter) === digestOf(oneByOneAfter);
  const refilterSame = columnRows.length > 0 && digestOf(columnRows) === digestOf(objectRows);
  const notes = [`${year.length} demo-city cases (a year, mocks/cases generator), ${gridIds.length} grids`];
  return {
    figures: [
      {
        id: 'live-cases-apply-one',
        label: 'apply one streamed case and re-derive the view (heat, counts, lists, funnel)',
        candidate: 'LiveCases.apply (in-place upsert) + caseViewOf over the columns',
        baseline: 'rebuild the columns from every feature + caseViewOf',
        baselineMilliseconds: perCase(apply.baseline),
        candidateMilliseconds: perCase(apply.candidate),
        speedup: median(apply.speedups),
        runs: apply.speedups.length,
        check: {
          description:
            `the view after ${next} streamed cases (rows, points, heat, lists, funnel) identical to one derived ` +
            `from columns rebuilt from every feature (SHA-256 of both)`,
          passed: applySame,
        },
        notes: [...notes, `${streamedPerRun} streamed cases per run, times per case`],
      },
      {
        id: 'live-cases-burst-coalesced',
        label: `a burst of ${burst} streamed cases within a frame: applied together, one view derivation`,
        candidate: 'LiveCases.applyAll (the CaseBatcher’s batch) + one caseViewOf',
        baseline: `${burst} × (LiveCases.apply + caseViewOf), one per event`,
        baselineMilliseconds: median(coalesced.baseline),
        candidateMilliseconds: median(coalesced.candidate),
        speedup: median(coalesced.speedups),
        runs: coalesced.speedups.length,
        check: {
          description:
            'the view coalesced identical to the view one by one: rows, points, heat, lists, funnel (SHA-256 of both)',
          passed: coalescedSame,
        },
        notes: [...notes, `${burst} streamed cases per run`],
      },
      {
        id: 'live-cases-refilter-year',
        label: 're-filter a year of cases (category + overdue only) and derive the view',
        candidate: 'caseViewOf over the columns (typed arrays, code lookups)',
        baseline: 'Array.filter over the parsed GeoJSON features (filter only, no view)',
        baselineMilliseconds: median(refilter.baseline),
        candidateMilliseconds: median(refilter.candidate),
        speedup: median(refilter.speedups),
        runs: refilter.speedups.length,
        check: {
          description: `the columns select the same ${columnRows.length} cases as the object filter, case by case`,
          passed: refilterSame,
        },
        notes,
      },
    ],
    info: [],
  };
}
