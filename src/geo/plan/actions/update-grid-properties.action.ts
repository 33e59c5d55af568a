import type { GridProperties } from '../../../domain/grid';
import type { GridId } from '../../../domain/ids';
import { gridOf, type Changeset, type Plan } from '../plan';

export type EditableGridProperties = Partial<Pick<GridProperties, 'name' | 'type' | 'workerName'>>;

export interface UpdateGridPropertiesArgs {
  gridId: GridId;
  changes: EditableGridProperties;
}

/** Renames, retypes or reassigns the worker of a grid; the geometry is untouched. */
export function updateGridProperties(plan: Plan, { gridId, changes }: UpdateGridPropertiesArgs): Changeset {
  const grid = gridOf(plan, gridId);
  if (!grid) throw new Error(`updateGridProperties: no grid ${gridId}`);
  const properties: GridProperties = { ...grid.properties };
  if (changes.name !== undefined) properties.name = changes.name.trim();
  if (changes.type !== undefined) properties.type = changes.type;
  if (changes.workerName !== undefined) properties.workerName = changes.workerName.trim();
  return {
    label: { action: 'update_grid_properties', gridIds: [gridId] },
    put: [{ ...grid, properties }],
    remove: [],
  };
}
