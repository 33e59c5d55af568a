import type { GridId } from '../../../domain/ids';
import { moveVerticesOf, type VertexMove } from '../geometry/vertices';
import type { Changeset, ChangesetLabel, GridFeature, Plan } from '../plan';

/**
 * Applies the moves to every grid that has a vertex there (or an edge through it), so a vertex shared by
 * neighbours moves in all of them at once: shared boundaries stay shared.
 */
export function moveVerticesInPlan(
  plan: Plan,
  moves: readonly VertexMove[],
  action: ChangesetLabel['action'],
): Changeset {
  const put: GridFeature[] = [];
  for (const grid of plan.grids) {
    const geometry = moveVerticesOf(grid.geometry, moves);
    if (geometry) put.push({ ...grid, geometry });
  }
  const gridIds: GridId[] = put.map((grid) => grid.properties.id);
  return { label: { action, gridIds }, put, remove: [] };
}
