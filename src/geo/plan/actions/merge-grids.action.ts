import type { GridId } from '../../../domain/ids';
import { unionAreas } from '../geometry/clip';
import { gridOf, type Changeset, type GridFeature, type Plan } from '../plan';

export interface MergeGridsArgs {
  /** The first grid survives: its id, name, type and worker carry on. */
  gridIds: readonly GridId[];
}

/** Merges adjacent grids into the first one; households and population add up. */
export function mergeGrids(plan: Plan, { gridIds }: MergeGridsArgs): Changeset {
  const grids = gridIds.map((id) => gridOf(plan, id));
  const [survivor, ...absorbed] = grids;
  if (!survivor || absorbed.length === 0 || absorbed.some((grid) => !grid)) {
    throw new Error(`mergeGrids: needs two or more grids of the plan, got ${gridIds.join(', ')}`);
  }
  const members = grids.filter((grid): grid is GridFeature => grid !== undefined);
  const geometry = unionAreas(members.map((grid) => grid.geometry));
  if (!geometry) throw new Error('mergeGrids: the grids have no area');
  const merged: GridFeature = {
    type: 'Feature',
    geometry,
    properties: {
      ...survivor.properties,
      households: members.reduce((sum, grid) => sum + grid.properties.households, 0),
      population: members.reduce((sum, grid) => sum + grid.properties.population, 0),
    },
  };
  return {
    label: { action: 'merge_grids', gridIds: [...gridIds] },
    put: [merged],
    remove: members.slice(1).map((grid) => grid.properties.id),
  };
}
