import { areaOf, boundsOf, partsOf, subtractAreas, unionAreas } from '../geometry/clip';
import { areaToleranceSquareMetres } from '../geometry/tolerance';
import type { AreaGeometry, CommunityFeature, GridFeature, Plan } from '../plan';
import type { GridIndex } from './grid-index';
import { memoByIdentity } from './identity-memo';
import { issueCodes, rounded, type Issue } from './issue';

/**
 * The pieces of `community` that none of `grids` covers, each over `toleranceSquareMetres`. The planner's gap check
 * and the mock server's save check (mocks/api/grid-plan-check.ts) both use it, so they find the same gaps.
 */
export function uncoveredGround(
  community: AreaGeometry,
  grids: readonly AreaGeometry[],
  toleranceSquareMetres: number,
): AreaGeometry[] {
  const covered = unionAreas(grids);
  const uncovered = covered ? subtractAreas(community, [covered]) : community;
  if (!uncovered) return [];
  return partsOf(uncovered).filter((gap) => areaOf(gap) > toleranceSquareMetres);
}

/** Ground inside the community that no grid covers: households there would belong to no grid. */
export function gapIssues(plan: Plan, index: GridIndex): Issue[] {
  const gaps = uncoveredGround(
    plan.community.geometry,
    plan.grids.map((grid) => grid.geometry),
    areaToleranceSquareMetres,
  );
  return gaps.map((gap) => ({
    code: issueCodes.gap,
    severity: 'error',
    gridIds: index.search(boundsOf(gap)).flatMap((i) => plan.grids[i]?.properties.id ?? []),
    params: { areaSquareMetres: rounded(areaOf(gap)) },
    geometry: gap,
  }));
}

/** A grid's ground beyond its community, remembered per grid object (see identity-memo.ts). */
const groundOutside = memoByIdentity((grid: GridFeature, community: CommunityFeature) =>
  subtractAreas(grid.geometry, [community.geometry]),
);

/** Ground of a grid beyond the community's boundary: a grid belongs to exactly one community. */
export function outsideCommunityIssues(plan: Plan): Issue[] {
  return plan.grids.flatMap((grid): Issue[] => {
    const outside = groundOutside(grid, plan.community);
    if (!outside || areaOf(outside) <= areaToleranceSquareMetres) return [];
    return [
      {
        code: issueCodes.outsideCommunity,
        severity: 'error',
        gridIds: [grid.properties.id],
        params: { areaSquareMetres: rounded(areaOf(outside)) },
        geometry: outside,
      },
    ];
  });
}
