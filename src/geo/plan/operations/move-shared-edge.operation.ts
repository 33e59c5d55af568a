import type { GridId } from '../../../domain/ids';
import { moveSharedEdge, movableSharedVertices } from '../actions/move-shared-edge.action';
import { adjacentGridIds } from '../neighbours';
import { disabledReasons, type Operation } from './operation';

export interface MoveSharedEdgeOperationArgs {
  offset: readonly [number, number];
}

const pairOf = (gridIds: readonly GridId[]): readonly [GridId, GridId] | null => {
  const [a, b] = gridIds;
  return gridIds.length === 2 && a !== undefined && b !== undefined ? [a, b] : null;
};

export const moveSharedEdgeOperation: Operation<MoveSharedEdgeOperationArgs> = {
  id: 'move_shared_edge',
  available: (_plan, selection) => selection.gridIds.length === 2,
  disabled(plan, selection) {
    const pair = pairOf(selection.gridIds);
    if (!pair) return disabledReasons.needsTwoGrids;
    const known = new Set(plan.grids.map((grid) => grid.properties.id));
    if (!known.has(pair[0]) || !known.has(pair[1])) return disabledReasons.unknownGrid;
    if (!adjacentGridIds(plan, pair[0]).includes(pair[1])) return disabledReasons.notAdjacent;
    return movableSharedVertices(plan, pair).length === 0 ? disabledReasons.edgeFixedByCommunity : false;
  },
  perform: (plan, selection, args) => {
    const pair = pairOf(selection.gridIds);
    if (!pair) throw new Error('move shared edge: select two grids');
    return moveSharedEdge(plan, { gridIds: pair, offset: args.offset });
  },
};
