import { flattenGrids } from '../src/geo/join/flat-grids';
import { buildGridIndex, type GridIndex } from '../src/geo/join/grid-index';
import { aggregate, joinPoints } from '../src/geo/join/join';
import type { BenchFigure, BenchModule, BenchModuleResult } from './bench-module';
import { measureAlone, measurePair, median, measuredRuns } from './measure';
import { sized } from './quick';
import { seededRandom } from './random';
import { syntheticGrids } from './synthetic-grids';
import { syntheticPoints } from './synthetic-points';
import { countMismatches, turfFlatbushJoin, turfLinearJoin } from './turf-baseline';

export const pointCount = sized(1_000_000, 50_000);

interface JoinBenchPlan {
  gridCount: number;
  /** Points the turf baseline is timed on: a fixed stride sample of the million, scaled per point. */
  baselineSample: number;
  /** The goal for the indexed join's speedup over the baseline. */
  goal: number;
}

const label = (count: number) => `${count / 1000}k`;

export function joinBench(plan: JoinBenchPlan): BenchModule {
  return {
    name: `join ${label(plan.gridCount)} grids`,
    environment: 'node',
    run: (log) => runJoinBench(plan, log),
  };
}

function runJoinBench(plan: JoinBenchPlan, log: (line: string) => void): BenchModuleResult {
  const tag = `${label(plan.gridCount)} grids`;
  const grids = syntheticGrids(plan.gridCount, 20_250_601);
  const positions = syntheticPoints(pointCount, grids, 7);
  const sample = strideSample(positions, plan.baselineSample);
  const flat = flattenGrids(grids);
  let index: GridIndex = buildGridIndex(flat);
  const buildMilliseconds = measureAlone(() => (index = buildGridIndex(flat)));
  log(
    `${tag}: index ${index.raster.columns}×${index.raster.rows} cells built in ${buildMilliseconds.toFixed(0)} ms`,
  );

  // Every one of the million assignments, checked against turf (through a bbox index, to finish in seconds).
  const flatbushJoin = turfFlatbushJoin(grids);
  const assignments = joinPoints(index, positions);
  const fullMismatches = countMismatches(flatbushJoin(positions), assignments);
  log(`${tag}: full check against turf: ${fullMismatches} mismatches of ${pointCount}`);

  let baselineSampleAnswer: Int32Array = new Int32Array(0);
  const scale = pointCount / plan.baselineSample;
  const join = measurePair(
    () => (baselineSampleAnswer = turfLinearJoin(grids, sample)),
    () => joinPoints(index, positions),
    scale,
  );
  const sampleMismatches = countMismatches(baselineSampleAnswer, joinPoints(index, sample));
  log(
    `${tag}: indexed join ${median(join.candidate).toFixed(1)} ms, ${median(join.speedups).toFixed(0)}× the baseline`,
  );

  const bboxIndexSample = strideSample(positions, plan.baselineSample * 5);
  const bboxIndex = measurePair(
    () => flatbushJoin(bboxIndexSample),
    () => joinPoints(index, positions),
    pointCount / (plan.baselineSample * 5),
  );

  const filters = filterMasks(pointCount);
  let filterRun = 0;
  const reaggregation = measurePair(
    () => aggregate(joinPoints(index, positions), grids.length, filters[filterRun % filters.length]),
    () => aggregate(assignments, grids.length, filters[filterRun++ % filters.length]),
  );

  const figures: BenchFigure[] = [
    {
      id: `join-${label(plan.gridCount)}`,
      label: `spatial join, 1 M points × ${tag}`,
      candidate: 'cell lookup index (joinPoints)',
      baseline: 'turf booleanPointInPolygon over all grids with a bbox pre-check',
      ...figureTimes(join),
      goal: plan.goal,
      check: {
        description:
          `identical to turf: ${fullMismatches} mismatches of ${pointCount} (all points, turf via bbox index), ` +
          `${sampleMismatches} of ${plan.baselineSample} (timed sample, linear turf)`,
        passed: fullMismatches === 0 && sampleMismatches === 0,
      },
      notes: [
        `baseline timed on a fixed stride sample of ${plan.baselineSample} points per run and scaled ×${scale} to 1 M`,
      ],
    },
    {
      id: `join-${label(plan.gridCount)}-bbox-index`,
      label: `for reference: bbox index alone, 1 M points × ${tag}`,
      candidate: 'cell lookup index (joinPoints)',
      baseline: 'flatbush bbox index + turf booleanPointInPolygon',
      ...figureTimes(bboxIndex),
      notes: [`bbox-index join timed on ${plan.baselineSample * 5} points per run, scaled to 1 M`],
    },
    {
      id: `reaggregate-${label(plan.gridCount)}`,
      label: `re-aggregation after a filter change, 1 M points × ${tag}`,
      candidate: 'aggregate(assignments, filterMask) reusing the join',
      baseline: 'join again, then aggregate',
      ...figureTimes(reaggregation),
      goal: 10,
      notes: ['goal: re-aggregation costs at most 1/10 of the join'],
    },
  ];
  return {
    figures,
    info: [
      {
        id: `build-${label(plan.gridCount)}`,
        label: `index build, ${tag} (${index.raster.columns}×${index.raster.rows} cells)`,
        value: buildMilliseconds,
        unit: 'ms',
        notes: [`median of ${measuredRuns} builds after a warm-up; flat grid arrays already made`],
      },
    ],
  };
}

function figureTimes(times: ReturnType<typeof measurePair>) {
  return {
    candidateMilliseconds: median(times.candidate),
    baselineMilliseconds: median(times.baseline),
    speedup: median(times.speedups),
    runs: times.speedups.length,
  };
}

function strideSample(positions: Float64Array, count: number): Float64Array {
  const total = positions.length / 2;
  const stride = Math.floor(total / count);
  const sample = new Float64Array(count * 2);
  for (let index = 0; index < count; index++) {
    sample[index * 2] = positions[index * stride * 2] ?? NaN;
    sample[index * 2 + 1] = positions[index * stride * 2 + 1] ?? NaN;
  }
  return sample;
}

/** Masks as a status or category filter would give: a different share of points kept each time. */
function filterMasks(count: number): Uint8Array[] {
  const random = seededRandom(99);
  return [0.8, 0.35, 0.5].map((share) =>
    Uint8Array.from({ length: count }, () => (random() < share ? 1 : 0)),
  );
}
