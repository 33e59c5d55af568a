import type { Position } from 'geojson';
import { moveVertex } from '../actions/move-vertex.action';
import { touchesVertex } from '../geometry/vertices';
import { disabledReasons, type Operation } from './operation';

export interface MoveVertexOperationArgs {
  to: Position;
}

/**
 * Dragging a vertex. Moving one on the community outline is allowed — it is how a planner fixes a grid drawn
 * short of the boundary — and validation reports the gap or overhang it makes.
 */
export const moveVertexOperation: Operation<MoveVertexOperationArgs> = {
  id: 'move_vertex',
  available: (_plan, selection) => selection.vertex !== undefined,
  disabled(plan, selection) {
    const { vertex } = selection;
    if (!vertex) return disabledReasons.noVertexThere;
    return plan.grids.some((grid) => touchesVertex(grid.geometry, vertex))
      ? false
      : disabledReasons.noVertexThere;
  },
  perform: (plan, selection, args) => {
    if (!selection.vertex) throw new Error('move vertex: no vertex selected');
    return moveVertex(plan, { from: selection.vertex, to: args.to });
  },
};
