import {
  area,
  booleanIntersects,
  difference,
  featureCollection,
  intersect,
  pointOnFeature,
} from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { GridFeature } from '../../src/contract/schemas/contract.schema';
import type { AreaGeometry } from '../../src/contract/schemas/geojson.schema';
import { bboxesIntersect } from '../../src/domain/case-filter';
import { bboxOfArea } from '../cases/grid-sampler';
import { boundsOf } from '../../src/geo/plan/geometry/clip';
import { uncoveredGround } from '../../src/geo/plan/validate/coverage.validation';
import type { MockState } from './mock-state';
import {
  gapReason,
  gapToleranceSquareMetres,
  gridPlanReasons,
  type PlanReason,
} from '../../src/contract/grid-plan-reasons';

export { gridPlanReasons, schemaReasons, type PlanReason } from '../../src/contract/grid-plan-reasons';

const asFeature = (geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> => ({
  type: 'Feature',
  geometry,
  properties: {},
});

/** Shared edges are drawn twice with float noise; only slivers bigger than this count (m², or 0.01 % of the grid). */
const toleranceOf = (gridArea: number): number => Math.max(1, gridArea * 1e-4);

/** The topology rules of a plan: one community, unique ids, inside the community, no two grids overlapping. */
export function checkGridPlan(
  state: MockState,
  communityId: string,
  grids: readonly GridFeature[],
): PlanReason[] {
  const reasons: PlanReason[] = [];
  if (grids.length === 0) return [{ gridId: null, reason: gridPlanReasons.emptyPlan }];
  const community = state.city.regions.features.find((region) => region.properties.id === communityId);
  const otherIds = new Set(
    state.grids
      .all()
      .filter((grid) => grid.feature.properties.communityId !== communityId)
      .map((grid) => grid.feature.properties.id as string),
  );
  const seen = new Set<string>();
  const areas = grids.map((grid) => area(asFeature(grid.geometry)));
  const boxes = grids.map((grid) => bboxOfArea(grid.geometry));
  grids.forEach((grid, index) => {
    const { id } = grid.properties;
    if (grid.properties.communityId !== communityId) {
      reasons.push({
        gridId: id,
        reason: `${gridPlanReasons.wrongCommunity}: ${grid.properties.communityId}`,
      });
    }
    if (seen.has(id) || otherIds.has(id)) reasons.push({ gridId: id, reason: gridPlanReasons.duplicateId });
    seen.add(id);
    if (community) {
      const outside = difference(
        featureCollection([asFeature(grid.geometry), asFeature(community.geometry)]),
      );
      const outsideArea = outside ? area(outside) : 0;
      if (outsideArea > toleranceOf(areas[index] ?? 0)) {
        reasons.push({
          gridId: id,
          reason: `${gridPlanReasons.outsideCommunity}: ${Math.round(outsideArea)} m²`,
        });
      }
    }
  });
  for (let a = 0; a < grids.length; a++) {
    for (let b = a + 1; b < grids.length; b++) {
      const boxA = boxes[a];
      const boxB = boxes[b];
      const gridA = grids[a];
      const gridB = grids[b];
      if (!boxA || !boxB || !gridA || !gridB || !bboxesIntersect(boxA, boxB)) continue;
      const shared = intersect(featureCollection([asFeature(gridA.geometry), asFeature(gridB.geometry)]));
      const sharedArea = shared ? area(shared) : 0;
      if (sharedArea > toleranceOf(Math.min(areas[a] ?? 0, areas[b] ?? 0))) {
        reasons.push({
          gridId: gridA.properties.id,
          reason: `${gridPlanReasons.overlaps}: ${gridB.properties.id}`,
        });
        reasons.push({
          gridId: gridB.properties.id,
          reason: `${gridPlanReasons.overlaps}: ${gridA.properties.id}`,
        });
      }
    }
  }
  if (community) reasons.push(...gapReasons(community.geometry, grids));
  return reasons;
}

/**
 * Ground of the community no grid covers, found by the planner's own function (uncoveredGround), one `gap` reason
 * each, named after the first grid (in the plan's order) that touches it, as the server names it.
 */
function gapReasons(community: AreaGeometry, grids: readonly GridFeature[]): PlanReason[] {
  let gaps: ReturnType<typeof uncoveredGround>;
  try {
    gaps = uncoveredGround(
      community,
      grids.map((grid) => grid.geometry),
      gapToleranceSquareMetres,
    );
  } catch (error) {
    // The clipping library gives up on some degenerate outlines: that is the plan's geometry, refused as such.
    const detail = error instanceof Error ? error.message : String(error);
    return [{ gridId: null, reason: `${gridPlanReasons.invalidGeometry}: ${detail}` }];
  }
  return gaps.map((gap) => {
    const box = boundsOf(gap);
    const near = grids.filter((grid) => bboxesIntersect(bboxOfArea(grid.geometry), box));
    const named = near.find((grid) => booleanIntersects(asFeature(grid.geometry), asFeature(gap))) ?? near[0];
    const [longitude = 0, latitude = 0] = pointOnFeature(asFeature(gap)).geometry.coordinates;
    return {
      gridId: named?.properties.id ?? null,
      reason: gapReason(area(asFeature(gap)), [longitude, latitude]),
    };
  });
}
