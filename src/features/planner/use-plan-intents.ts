import type { Polygon, Position } from 'geojson';
import { useState } from 'react';
import { gridId, type GridId } from '../../domain/ids';
import type { DisabledReason, Operation, Selection } from '../../geo/plan/operations/operation';
import { planOperations } from '../../geo/plan/operations/operations';
import type { Changeset, Plan } from '../../geo/plan/plan';
import type { PlannerMapIntents, PlannerTool } from '../../map/planner/planner-map';

export interface PlanIntents extends PlannerMapIntents {
  selection: Selection;
  tool: PlannerTool;
  setTool: (tool: PlannerTool) => void;
  /** Why the last edit on the map was refused, as a disabled-reason code. */
  refused: DisabledReason | null;
  /** Run an operation on the current selection, if it allows it now. */
  run: <Args>(operation: Operation<Args>, args: Args) => void;
  select: (gridIds: readonly GridId[]) => void;
}

/**
 * Turns what the planner does on the map into operations: checks `disabled` with the drawn arguments first (so a
 * refused edit says why and changes nothing), then hands the changeset to the transaction log.
 */
export function usePlanIntents(
  plan: Plan | null,
  transactChange: (changeset: Changeset) => void,
): PlanIntents {
  const [gridIds, setGridIds] = useState<readonly GridId[]>([]);
  const [tool, setTool] = useState<PlannerTool>('select');
  const [refused, setRefused] = useState<DisabledReason | null>(null);
  const known = (ids: readonly GridId[]) =>
    ids.filter((id) => plan?.grids.some((grid) => grid.properties.id === id));
  const selection: Selection = { gridIds: known(gridIds) };

  function attempt<Args>(operation: Operation<Args>, at: Selection, args: Args): Changeset | null {
    if (!plan) return null;
    const reason = operation.disabled(plan, at, args);
    setRefused(reason || null);
    if (reason) return null;
    const changeset = operation.perform(plan, at, args);
    transactChange(changeset);
    return changeset;
  }

  return {
    selection,
    tool,
    setTool: (next) => {
      setRefused(null);
      setTool(next);
    },
    refused,
    run: (operation, args) => {
      const changeset = attempt(operation, selection, args);
      // A merged or deleted grid leaves the selection; the grid that took its ground is selected instead.
      if (changeset && (operation.id === 'merge_grids' || operation.id === 'delete_grid'))
        setGridIds(changeset.put.map((grid) => grid.properties.id));
    },
    select: (ids) => setGridIds(ids),
    onGridsSelected: (ids) => setGridIds(ids.map(gridId)),
    onVertexMoved: (from: Position, to: Position) => {
      attempt(planOperations.moveVertex, { gridIds: selection.gridIds, vertex: from }, { to });
    },
    onLineDrawn: (line: Position[]) => {
      const changeset = attempt(planOperations.splitGrid, selection, { line });
      if (changeset) {
        setGridIds(changeset.label.gridIds);
        setTool('select');
      }
    },
    onPolygonDrawn: (polygon: Polygon) => {
      const changeset = attempt(planOperations.carveGrid, selection, { polygon });
      if (changeset) {
        setGridIds(changeset.label.gridIds.slice(0, 1));
        setTool('select');
      }
    },
  };
}
