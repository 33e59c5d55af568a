import type { Position } from 'geojson';
import type { GridId } from '../../../domain/ids';
import { splitFailures } from '../geometry/split-area';
import type { Changeset, Plan, PlanActionKind } from '../plan';

/** What the planner has selected on the map. */
export interface Selection {
  gridIds: readonly GridId[];
  /** A vertex picked for dragging. */
  vertex?: Position;
}

/**
 * Why an operation is greyed out, as codes the toolbar translates (planner namespace, `disabled.<code>`).
 * Codes, not sentences, so tests and the UI agree on them.
 */
export const disabledReasons = {
  ...splitFailures,
  needsOneGrid: 'needs_one_grid',
  needsTwoGrids: 'needs_two_grids',
  unknownGrid: 'unknown_grid',
  notAdjacent: 'not_adjacent',
  noAdjacentNeighbour: 'no_adjacent_neighbour',
  outsideCommunity: 'outside_community',
  polygonSelfIntersects: 'polygon_self_intersects',
  noVertexThere: 'no_vertex_there',
  edgeFixedByCommunity: 'edge_fixed_by_community',
  emptyName: 'empty_name',
  nothingChanged: 'nothing_changed',
} as const;
export type DisabledReason = (typeof disabledReasons)[keyof typeof disabledReasons];

/**
 * An action wrapped for the toolbar, in the manner of iD's operations: `available` says whether to show the
 * button for this selection, `disabled` whether it can run now and if not why, `perform` returns the changeset
 * (to pass to `transact`). `disabled` without args checks what it can from the selection alone; with the args
 * (the drawn line, the chosen neighbour…) it checks everything `perform` needs.
 */
export interface Operation<Args> {
  id: PlanActionKind;
  available(plan: Plan, selection: Selection): boolean;
  disabled(plan: Plan, selection: Selection, args?: Args): false | DisabledReason;
  perform(plan: Plan, selection: Selection, args: Args): Changeset;
}

/** The selected grid when exactly one grid of the plan is selected, else why not. */
export function singleGrid(
  plan: Plan,
  selection: Selection,
): { gridId: GridId } | { reason: DisabledReason } {
  const [id] = selection.gridIds;
  if (selection.gridIds.length !== 1 || id === undefined) return { reason: disabledReasons.needsOneGrid };
  return plan.grids.some((grid) => grid.properties.id === id)
    ? { gridId: id }
    : { reason: disabledReasons.unknownGrid };
}
