/**
 * Times live validation after an edit, on Voronoi communities of 10 and 100 grids:
 *   npx tsx src/geo/plan/validate-timing.ts
 * Each figure is the median of several runs of `validatePlan` right after moving one shared vertex.
 */
import { moveVertex } from './actions/move-vertex.action';
import { ringsOf } from './geometry/clip';
import { touchesVertex } from './geometry/vertices';
import { voronoiPlan } from './fixtures/voronoi.fixtures';
import { applyChangeset, type Plan } from './plan';
import { validatePlan } from './validate/validate-plan';

const options = {
  householdsPerGrid: [300, 500] as const,
  minimumAreaSquareMetres: 2000,
  minimumWidthMetres: 20,
};

function editedPlan(count: number): Plan {
  const plan = voronoiPlan(count);
  const outline = plan.grids.flatMap((grid) => ringsOf(grid.geometry)).flat();
  const vertex = outline.find((position) => !touchesVertex(plan.community.geometry, position));
  if (!vertex) return plan;
  const [lng = 0, lat = 0] = vertex;
  return applyChangeset(plan, moveVertex(plan, { from: [lng, lat], to: [lng + 0.00002, lat + 0.00001] }));
}

function medianMilliseconds(plan: Plan, runs: number): { median: number; issues: number } {
  const times: number[] = [];
  let issues = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    issues = validatePlan(plan, options).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] ?? 0, issues };
}

for (const count of [10, 100]) {
  const plan = editedPlan(count);
  medianMilliseconds(plan, 3);
  const { median, issues } = medianMilliseconds(plan, 9);
  console.log(
    `validatePlan: ${count} grids after an edit: median ${median.toFixed(1)} ms (${issues} issues)`,
  );
}
