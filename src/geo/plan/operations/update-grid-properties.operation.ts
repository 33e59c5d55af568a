import { gridTypes } from '../../../domain/grid';
import { updateGridProperties, type EditableGridProperties } from '../actions/update-grid-properties.action';
import { gridOf } from '../plan';
import { disabledReasons, singleGrid, type Operation } from './operation';

export interface UpdateGridPropertiesOperationArgs {
  changes: EditableGridProperties;
}

export const updateGridPropertiesOperation: Operation<UpdateGridPropertiesOperationArgs> = {
  id: 'update_grid_properties',
  available: (_plan, selection) => selection.gridIds.length === 1,
  disabled(plan, selection, args) {
    const selected = singleGrid(plan, selection);
    if ('reason' in selected) return selected.reason;
    const grid = gridOf(plan, selected.gridId);
    if (!args || !grid) return false;
    const { name, type, workerName } = args.changes;
    if (name?.trim() === '') return disabledReasons.emptyName;
    const changed =
      (name !== undefined && name.trim() !== grid.properties.name) ||
      (type !== undefined && gridTypes.includes(type) && type !== grid.properties.type) ||
      (workerName !== undefined && workerName.trim() !== grid.properties.workerName);
    return changed ? false : disabledReasons.nothingChanged;
  },
  perform: (plan, selection, args) => {
    const [gridId] = selection.gridIds;
    if (gridId === undefined) throw new Error('update: no grid selected');
    return updateGridProperties(plan, { gridId, changes: args.changes });
  },
};
