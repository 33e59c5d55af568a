import type { GridId } from '../../domain/ids';
import { boundsIntersect, boundsOf } from './geometry/clip';
import { areAdjacent } from './geometry/shared-boundary';
import { edgeToleranceDegrees } from './geometry/tolerance';
import { gridOf, type Plan } from './plan';

/** The grids sharing a boundary of non-zero length with this one (a shared corner does not count). */
export function adjacentGridIds(plan: Plan, id: GridId): GridId[] {
  const grid = gridOf(plan, id);
  if (!grid) return [];
  const bounds = boundsOf(grid.geometry);
  return plan.grids
    .filter(
      (other) =>
        other.properties.id !== id &&
        boundsIntersect(bounds, boundsOf(other.geometry), edgeToleranceDegrees) &&
        areAdjacent(grid.geometry, other.geometry),
    )
    .map((other) => other.properties.id);
}

/** True when the grids form one connected block through shared boundaries, so they can be merged into one. */
export function formConnectedBlock(plan: Plan, ids: readonly GridId[]): boolean {
  const [first] = ids;
  if (first === undefined) return false;
  const wanted = new Set(ids);
  const reached = new Set<GridId>([first]);
  const queue: GridId[] = [first];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    for (const neighbour of adjacentGridIds(plan, current)) {
      if (!wanted.has(neighbour) || reached.has(neighbour)) continue;
      reached.add(neighbour);
      queue.push(neighbour);
    }
  }
  return reached.size === wanted.size;
}
