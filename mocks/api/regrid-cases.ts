import { pointInBbox } from '../../src/domain/case-filter';
import { gridId as toGridId } from '../../src/domain/ids';
import { pointInArea } from '../cases/grid-sampler';
import type { MockState } from './mock-state';

/**
 * After a community's grids are redrawn, its cases are re-joined to the new grids by location, so grid rankings
 * and drill-down use the new boundaries. A case that falls in no new grid keeps its old grid id (still resolvable
 * to the community) rather than being dropped from the community's figures. The rule stays with the case store, so
 * a case the generator reports later on a grid that is gone is placed the same way.
 */
export function regridCases(state: MockState, communityId: string): void {
  const grids = state.grids.ofCommunity(communityId);
  state.cases.regrid((record) => {
    const current = record.wire.properties.gridId;
    // A grid the tree no longer knows was redrawn away: place the case by location alone.
    const path = current ? state.units.get(current)?.path : undefined;
    if (path && !path.some((unit) => unit === communityId)) return undefined;
    const [longitude, latitude] = record.wire.geometry.coordinates;
    const target = grids.find(
      (grid) =>
        pointInBbox(grid.bbox, longitude, latitude) &&
        pointInArea(grid.feature.geometry, longitude, latitude),
    );
    return target ? toGridId(target.feature.properties.id) : undefined;
  });
}
