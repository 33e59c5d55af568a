import type { Period } from '../../src/domain/indicators';
import { regionId } from '../../src/domain/ids';
import { volunteerHoursIn } from '../cases/volunteer-hours';
import type { MockState } from './mock-state';
import type { Unit } from '../../src/domain/unit-tree';

/**
 * Volunteer hours are logged per community. Above it they add up; below it a community's hours are shared among
 * its current grids by population with the largest-remainder method, so the grids' whole hours sum exactly to
 * the community's and "children sum to the parent" holds at every level.
 */
export function volunteerHoursOfUnit(state: MockState, unit: Unit, period: Period): number {
  if (unit.level === 'grid') {
    const communityId = unit.path[unit.path.length - 2];
    return communityId ? (gridShares(state, communityId, period).get(unit.id) ?? 0) : 0;
  }
  if (unit.level === 'community') return volunteerHoursIn(state.volunteers, regionId(unit.id), period);
  return state.units
    .childrenOf(unit.id)
    .reduce((sum, child) => sum + volunteerHoursOfUnit(state, child, period), 0);
}

function gridShares(state: MockState, communityId: string, period: Period): Map<string, number> {
  const total = volunteerHoursIn(state.volunteers, regionId(communityId), period);
  const grids = state.grids.ofCommunity(communityId).map((grid) => grid.feature.properties);
  const population = grids.reduce((sum, grid) => sum + grid.population, 0);
  const exact = grids.map((grid) =>
    population > 0 ? (total * grid.population) / population : total / grids.length,
  );
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((sum, share) => sum + share, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value % 1 }))
    .sort((a, b) => b.remainder - a.remainder);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    shares[index] = (shares[index] ?? 0) + 1;
    left -= 1;
  }
  return new Map(grids.map((grid, index) => [grid.id as string, shares[index] ?? 0]));
}
