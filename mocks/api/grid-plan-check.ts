import { area, difference, featureCollection, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { GridFeature } from '../../src/contract/schemas/contract.schema';
import type { AreaGeometry } from '../../src/contract/schemas/geojson.schema';
import { bboxesIntersect } from '../../src/domain/case-filter';
import { bboxOfArea } from '../cases/grid-sampler';
import type { MockState } from './mock-state';
import { gridPlanReasons, type PlanReason } from '../../src/contract/grid-plan-reasons';

export { gridPlanReasons, schemaReasons, type PlanReason } from '../../src/contract/grid-plan-reasons';

const asFeature = (geometry: AreaGeometry): Feature<Polygon | MultiPolygon> => ({
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
  return reasons;
}
