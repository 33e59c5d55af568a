import { areaOf, intersectAreas } from '../geometry/clip';
import { areaToleranceSquareMetres } from '../geometry/tolerance';
import type { GridFeature, Plan } from '../plan';
import type { GridIndex } from './grid-index';
import { memoByIdentity } from './identity-memo';
import { issueCodes, rounded, type Issue } from './issue';

/** The ground two grids share, remembered per pair of grid objects: an edit re-intersects only its own grids. */
const sharedGround = memoByIdentity((a: GridFeature, b: GridFeature) =>
  intersectAreas(a.geometry, b.geometry),
);

/** Two grids covering the same ground: households there would belong to both. */
export function overlapIssues(plan: Plan, index: GridIndex): Issue[] {
  const issues: Issue[] = [];
  for (const [i, j] of index.candidatePairs()) {
    const a = plan.grids[i];
    const b = plan.grids[j];
    if (!a || !b) continue;
    const shared = sharedGround(a, b);
    const sharedArea = areaOf(shared);
    if (!shared || sharedArea <= areaToleranceSquareMetres) continue;
    issues.push({
      code: issueCodes.overlap,
      severity: 'error',
      gridIds: [a.properties.id, b.properties.id],
      params: { areaSquareMetres: rounded(sharedArea) },
      geometry: shared,
    });
  }
  return issues;
}
