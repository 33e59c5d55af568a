import type { Position } from 'geojson';
import { splitGrid } from '../actions/split-grid.action';
import { splitArea } from '../geometry/split-area';
import { gridOf } from '../plan';
import { singleGrid, type Operation } from './operation';

export interface SplitGridOperationArgs {
  line: readonly Position[];
}

export const splitGridOperation: Operation<SplitGridOperationArgs> = {
  id: 'split_grid',
  available: (_plan, selection) => selection.gridIds.length === 1,
  disabled(plan, selection, args) {
    const selected = singleGrid(plan, selection);
    if ('reason' in selected) return selected.reason;
    const grid = gridOf(plan, selected.gridId);
    if (!args || !grid) return false;
    const result = splitArea(grid.geometry, args.line);
    return 'failure' in result ? result.failure : false;
  },
  perform: (plan, selection, args) => {
    const [gridId] = selection.gridIds;
    if (gridId === undefined) throw new Error('split: no grid selected');
    return splitGrid(plan, { gridId, line: args.line });
  },
};
