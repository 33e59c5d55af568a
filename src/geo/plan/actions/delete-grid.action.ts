import type { GridId } from '../../../domain/ids';
import { gridOf, type Changeset, type Plan } from '../plan';
import { mergeGrids } from './merge-grids.action';

export interface DeleteGridArgs {
  gridId: GridId;
  /** The adjacent grid that takes the deleted grid's area, households and population. */
  intoNeighbourId: GridId;
}

/** Deletes a grid; its area goes to the chosen neighbour, so the community stays covered. */
export function deleteGrid(plan: Plan, { gridId, intoNeighbourId }: DeleteGridArgs): Changeset {
  if (!gridOf(plan, gridId)) throw new Error(`deleteGrid: no grid ${gridId}`);
  const merged = mergeGrids(plan, { gridIds: [intoNeighbourId, gridId] });
  return { ...merged, label: { action: 'delete_grid', gridIds: [gridId, intoNeighbourId] } };
}
