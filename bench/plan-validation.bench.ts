import { area, difference, featureCollection, intersect, kinks, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { moveVertex } from '../src/geo/plan/actions/move-vertex.action';
import { voronoiPlan } from '../src/geo/plan/fixtures/voronoi.fixtures';
import { ringsOf } from '../src/geo/plan/geometry/clip';
import { areaToleranceSquareMetres } from '../src/geo/plan/geometry/tolerance';
import { touchesVertex } from '../src/geo/plan/geometry/vertices';
import { applyChangeset, type AreaGeometry, type GridFeature, type Plan } from '../src/geo/plan/plan';
import { issueCodes } from '../src/geo/plan/validate/issue';
import { validatePlan } from '../src/geo/plan/validate/validate-plan';
import type { BenchFigure, BenchModule, BenchModuleResult } from './bench-module';
import { measurePair, measuredRuns, median, warmUpRuns } from './measure';

/** The defaults of `planner` in the runtime config (urban grids). */
const options = {
  householdsPerGrid: [300, 500] as const,
  minimumAreaSquareMetres: 2000,
  minimumWidthMetres: 20,
};

/**
 * Live validation after an edit (issue 8 asks for the time on communities of 10 and 100 grids), on Voronoi
 * communities, right after one shared vertex moved: the check the planner runs on every change. Validation
 * remembers results per grid object (src/geo/plan/validate/identity-memo.ts), so "after an edit" is timed on plans
 * one new edit away from a plan already validated, and a cold validation is given for reference.
 */
export function planValidationBench(gridCounts: readonly number[]): BenchModule {
  return {
    name: 'plan validation',
    environment: 'node',
    run: (log) => runPlanValidationBench(gridCounts, log),
  };
}

/**
 * Plans one edit away from `plan`, each moving a different interior vertex a couple of metres (both grids that
 * share it move together). Each is a new plan holding the untouched grids' objects, as an edit in the planner does.
 */
function vertexMoves(plan: Plan, count: number): Plan[] {
  const interior = plan.grids
    .flatMap((grid) => ringsOf(grid.geometry))
    .flat()
    .filter((position) => !touchesVertex(plan.community.geometry, position));
  if (interior.length === 0) throw new Error('no interior vertex to move');
  return Array.from({ length: count }, (_, index) => {
    const [lng = 0, lat = 0] = interior[(index * 7) % interior.length] ?? [];
    return applyChangeset(plan, moveVertex(plan, { from: [lng, lat], to: [lng + 0.00002, lat + 0.00001] }));
  });
}

/** The plan with its first grid shifted ~5 m east on its own: an overlap on one side and a gap on the other. */
function afterBrokenEdit(plan: Plan): Plan {
  const [first, ...rest] = plan.grids;
  if (!first) return plan;
  const shift = (geometry: AreaGeometry): AreaGeometry =>
    geometry.type === 'Polygon'
      ? {
          ...geometry,
          coordinates: geometry.coordinates.map((ring) => ring.map(([x = 0, y = 0]) => [x + 5e-5, y])),
        }
      : {
          ...geometry,
          coordinates: geometry.coordinates.map((polygon) =>
            polygon.map((ring) => ring.map(([x = 0, y = 0]) => [x + 5e-5, y])),
          ),
        };
  const moved: GridFeature = { ...first, geometry: shift(first.geometry) };
  return { ...plan, grids: [moved, ...rest] };
}

type Area = Feature<Polygon | MultiPolygon>;
const asArea = (geometry: AreaGeometry): Area => ({ type: 'Feature', geometry, properties: {} });
const areaOf = (feature: Area | null): number => (feature ? area(feature) : 0);

/**
 * The validation one would write with turf directly: every pair of grids intersected for overlaps, the union of
 * all grids against the community for gaps and spill, kinks for self-intersections. Returns what it found.
 */
function turfValidation(plan: Plan): { overlap: boolean; gap: boolean; kinks: number } {
  const grids = plan.grids.map((grid) => asArea(grid.geometry));
  let overlap = false;
  for (let a = 0; a < grids.length; a++)
    for (let b = a + 1; b < grids.length; b++) {
      const [one, other] = [grids[a], grids[b]];
      if (one && other && areaOf(intersect(featureCollection([one, other]))) > areaToleranceSquareMetres)
        overlap = true;
    }
  const covered = grids.length > 1 ? union(featureCollection(grids)) : (grids[0] ?? null);
  const community = asArea(plan.community.geometry);
  const gap = covered
    ? areaOf(difference(featureCollection([community, covered]))) > areaToleranceSquareMetres
    : true;
  const crossings = grids.reduce(
    (sum, grid) =>
      sum + (grid.geometry.type === 'Polygon' ? kinks(grid as Feature<Polygon>).features.length : 0),
    0,
  );
  return { overlap, gap, kinks: crossings };
}

function candidateFinds(plan: Plan): { overlap: boolean; gap: boolean } {
  const codes = new Set(validatePlan(plan, options).map((issue) => issue.code));
  return { overlap: codes.has(issueCodes.overlap), gap: codes.has(issueCodes.gap) };
}

/** Validations per timed run: one takes a few milliseconds, below the timer's steadiness on a busy machine. */
const repeat = 10;

function runPlanValidationBench(
  gridCounts: readonly number[],
  log: (line: string) => void,
): BenchModuleResult {
  const figures: BenchFigure[] = gridCounts.flatMap((count) => {
    const base = voronoiPlan(count);
    // The planner validated the plan before the edit: what it remembers of untouched grids is warm.
    validatePlan(base, options);
    const edits = vertexMoves(base, (warmUpRuns + measuredRuns) * repeat);
    const [plan = base] = edits;
    const broken = afterBrokenEdit(plan);
    const agree = [plan, broken].every((each) => {
      const ours = candidateFinds(each);
      const turf = turfValidation(each);
      return ours.overlap === turf.overlap && ours.gap === turf.gap;
    });
    const foundBroken = candidateFinds(broken);
    const check = {
      description: `overlap and gap found alike by both, on an edited plan and on one with a grid shifted 5 m (${
        foundBroken.overlap && foundBroken.gap ? 'both reported there' : 'NOT both reported there'
      })`,
      passed: agree && foundBroken.overlap && foundBroken.gap,
    };
    // Every timed validation meets an edit it has not seen; the baseline validates the same plans.
    let next = 0;
    const afterEdit = measurePair(
      () => {
        for (let run = 0; run < repeat; run++) turfValidation(edits[(next + run) % edits.length] ?? base);
      },
      () => {
        for (let run = 0; run < repeat; run++) validatePlan(edits[next++ % edits.length] ?? base, options);
      },
    );
    // Cold: a plan whose grids no validation has seen (a draft just read from IndexedDB, a community just opened).
    const colds = Array.from({ length: warmUpRuns + measuredRuns }, () => structuredClone(plan));
    const cold = measurePair(
      () => turfValidation(plan),
      () => validatePlan(colds.pop() ?? structuredClone(plan), options),
    );
    const perValidation = median(afterEdit.candidate) / repeat;
    log(
      `plan validation: ${count} grids, ${perValidation.toFixed(2)} ms after an edit, ${median(cold.candidate).toFixed(1)} ms cold`,
    );
    const common = {
      candidate: 'validatePlan: all checks (overlaps on box-touching pairs, gaps, spill, shape, households)',
      baseline: 'turf directly: every pair intersected, union of all grids against the community, kinks',
    };
    return [
      {
        ...common,
        id: `plan-validation-${count}`,
        label: `validate a community of ${count} grids after a vertex move`,
        candidateMilliseconds: perValidation,
        baselineMilliseconds: median(afterEdit.baseline) / repeat,
        speedup: median(afterEdit.speedups),
        runs: afterEdit.speedups.length,
        check,
        notes: [`per validation: ${repeat} validations per timed run, each of a plan one new edit away`],
      },
      {
        ...common,
        id: `plan-validation-${count}-cold`,
        label: `for reference: validate ${count} grids cold (nothing remembered)`,
        candidateMilliseconds: median(cold.candidate),
        baselineMilliseconds: median(cold.baseline),
        speedup: median(cold.speedups),
        runs: cold.speedups.length,
        notes: ['a structured clone of the plan per run, so no result is remembered'],
      },
    ];
  });
  return { figures, info: [] };
}
