import { areaOf, boundsOf, partsOf, subtractAreas, unionAreas } from '../geometry/clip';
import { areaToleranceSquareMetres } from '../geometry/tolerance';
import type { CommunityFeature, GridFeature, Plan } from '../plan';
import type { GridIndex } from './grid-index';
import { memoByIdentity } from './identity-memo';
import { issueCodes, rounded, type Issue } from './issue';

/** Ground inside the community that no grid covers: households there would belong to no grid. */
export function gapIssues(plan: Plan, index: GridIndex): Issue[] {
  const covered = unionAreas(plan.grids.map((grid) => grid.geometry));
  const uncovered = covered ? subtractAreas(plan.community.geometry, [covered]) : plan.community.geometry;
  if (!uncovered) return [];
  const gaps = partsOf(uncovered).filter((gap) => areaOf(gap) > areaToleranceSquareMetres);
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
