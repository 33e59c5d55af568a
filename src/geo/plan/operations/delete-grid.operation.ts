import type { GridId } from '../../../domain/ids';
import { deleteGrid } from '../actions/delete-grid.action';
import { adjacentGridIds } from '../neighbours';
import { disabledReasons, singleGrid, type Operation } from './operation';

export interface DeleteGridOperationArgs {
  intoNeighbourId: GridId;
}

export const deleteGridOperation: Operation<DeleteGridOperationArgs> = {
  id: 'delete_grid',
  available: (_plan, selection) => selection.gridIds.length === 1,
  disabled(plan, selection, args) {
    const selected = singleGrid(plan, selection);
    if ('reason' in selected) return selected.reason;
    const neighbours = adjacentGridIds(plan, selected.gridId);
    if (neighbours.length === 0) return disabledReasons.noAdjacentNeighbour;
    if (args && !neighbours.includes(args.intoNeighbourId)) return disabledReasons.notAdjacent;
    return false;
  },
  perform: (plan, selection, args) => {
    const [gridId] = selection.gridIds;
    if (gridId === undefined) throw new Error('delete: no grid selected');
    return deleteGrid(plan, { gridId, intoNeighbourId: args.intoNeighbourId });
  },
};
