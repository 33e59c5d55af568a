import type { Plan } from '../plan';
import { gapIssues, outsideCommunityIssues } from './coverage.validation';
import { householdIssues } from './households.validation';
import { indexGrids } from './grid-index';
import { issueCodes, type Issue, type ValidationOptions } from './issue';
import { overlapIssues } from './overlaps.validation';
import { multiPartIssues, selfIntersectionIssues, sliverIssues } from './shape.validation';

/**
 * Every check of a plan, errors first. Cheap per-grid checks run on every grid; the overlap check only on pairs
 * of grids whose boxes touch (flatbush), so a community of 100 grids validates within a drag's frame budget.
 * A grid whose outline crosses itself is left out of the boolean checks, which would be meaningless on it.
 */
export function validatePlan(plan: Plan, options: ValidationOptions): Issue[] {
  const shapeIssues = plan.grids.flatMap(selfIntersectionIssues);
  const broken = new Set(shapeIssues.flatMap((issue) => issue.gridIds));
  const sound: Plan = { ...plan, grids: plan.grids.filter((grid) => !broken.has(grid.properties.id)) };
  const index = indexGrids(sound.grids);
  const issues: Issue[] = [
    ...shapeIssues,
    ...guarded(sound, () => overlapIssues(sound, index)),
    ...guarded(sound, () => gapIssues(sound, index)),
    ...guarded(sound, () => outsideCommunityIssues(sound)),
    ...plan.grids.flatMap((grid) => [
      ...sliverIssues(grid, options),
      ...multiPartIssues(grid),
      ...householdIssues(grid, options),
    ]),
  ];
  return issues.sort((a, b) => severityRank(a) - severityRank(b));
}

const severityRank = (issue: Issue): number => (issue.severity === 'error' ? 0 : 1);

/**
 * The clipping library gives up on some degenerate input (rings with repeated or collinear spikes). Live
 * validation must not crash the editor: report the plan's geometry as invalid instead, which blocks saving.
 */
function guarded(plan: Plan, check: () => Issue[]): Issue[] {
  try {
    return check();
  } catch (error) {
    return [
      {
        code: issueCodes.invalidGeometry,
        severity: 'error',
        gridIds: plan.grids.map((grid) => grid.properties.id),
        params: { detail: error instanceof Error ? error.message : String(error) },
      },
    ];
  }
}
