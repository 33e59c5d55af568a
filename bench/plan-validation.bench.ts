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
import { measurePair, median } from './measure';

/** The defaults of `planner` in the runtime config (urban grids). */
const options = {
  householdsPerGrid: [300, 500] as const,
  minimumAreaSquareMetres: 2000,
  minimumWidthMetres: 20,
};

/**
 * Live validation after an edit (issue 8 asks for the time on communities of 10 and 100 grids), on Voronoi
 * communities, right after one shared vertex moved: the check the planner runs on every change.
 */
export function planValidationBench(gridCounts: readonly number[]): BenchModule {
  return {
    name: 'plan validation',
    environment: 'node',
    run: (log) => runPlanValidationBench(gridCounts, log),
  };
}

/** The plan after moving one interior vertex a couple of metres: both grids that share it move together. */
function afterVertexMove(plan: Plan): Plan {
  const vertex = plan.grids
    .flatMap((grid) => ringsOf(grid.geometry))
    .flat()
    .find((position) => !touchesVertex(plan.community.geometry, position));
  if (!vertex) throw new Error('no interior vertex to move');
  const [lng = 0, lat = 0] = vertex;
  return applyChangeset(plan, moveVertex(plan, { from: [lng, lat], to: [lng + 0.00002, lat + 0.00001] }));
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
  const figures: BenchFigure[] = gridCounts.map((count) => {
    const plan = afterVertexMove(voronoiPlan(count));
    const broken = afterBrokenEdit(plan);
    const agree = [plan, broken].every((each) => {
      const ours = candidateFinds(each);
      const turf = turfValidation(each);
      return ours.overlap === turf.overlap && ours.gap === turf.gap;
    });
    const foundBroken = candidateFinds(broken);
    const times = measurePair(
      () => {
        for (let run = 0; run < repeat; run++) turfValidation(plan);
      },
      () => {
        for (let run = 0; run < repeat; run++) validatePlan(plan, options);
      },
    );
    const candidateMilliseconds = median(times.candidate) / repeat;
    log(`plan validation: ${count} grids, ${candidateMilliseconds.toFixed(2)} ms per validation`);
    return {
      id: `plan-validation-${count}`,
      label: `validate a community of ${count} grids after a vertex move`,
      candidate: 'validatePlan: all checks (overlaps on box-touching pairs, gaps, spill, shape, households)',
      baseline: 'turf directly: every pair intersected, union of all grids against the community, kinks',
      candidateMilliseconds,
      baselineMilliseconds: median(times.baseline) / repeat,
      speedup: median(times.speedups),
      runs: times.speedups.length,
      check: {
        description: `overlap and gap found alike by both, on the edited plan and on one with a grid shifted 5 m (${
          foundBroken.overlap && foundBroken.gap ? 'both reported there' : 'NOT both reported there'
        })`,
        passed: agree && foundBroken.overlap && foundBroken.gap,
      },
      notes: [`times per validation: ${repeat} validations per timed run`],
    };
  });
  return { figures, info: [] };
}
