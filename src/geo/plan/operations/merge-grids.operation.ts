import { mergeGrids } from '../actions/merge-grids.action';
import { formConnectedBlock } from '../neighbours';
import { disabledReasons, type Operation } from './operation';

export const mergeGridsOperation: Operation<undefined> = {
  id: 'merge_grids',
  available: (_plan, selection) => selection.gridIds.length >= 2,
  disabled(plan, selection) {
    if (new Set(selection.gridIds).size < 2) return disabledReasons.needsTwoGrids;
    const known = new Set(plan.grids.map((grid) => grid.properties.id));
    if (selection.gridIds.some((id) => !known.has(id))) return disabledReasons.unknownGrid;
    return formConnectedBlock(plan, selection.gridIds) ? false : disabledReasons.notAdjacent;
  },
  perform: (plan, selection) => mergeGrids(plan, { gridIds: selection.gridIds }),
};
