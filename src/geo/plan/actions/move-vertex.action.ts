import type { Position } from 'geojson';
import type { Changeset, Plan } from '../plan';
import { moveVerticesInPlan } from './move-vertices';

export interface MoveVertexArgs {
  from: Position;
  to: Position;
}

/** Drags one vertex; every grid with a vertex at `from` moves it too, so shared boundaries move together. */
export const moveVertex = (plan: Plan, { from, to }: MoveVertexArgs): Changeset =>
  moveVerticesInPlan(plan, [{ from, to }], 'move_vertex');
