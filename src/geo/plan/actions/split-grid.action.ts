import type { Position } from 'geojson';
import type { GridId } from '../../../domain/ids';
import { apportion } from '../geometry/apportion';
import { areaOf } from '../geometry/clip';
import { splitArea } from '../geometry/split-area';
import { newGridProperties, nextSerials } from '../grid-naming';
import { gridOf, type Changeset, type GridFeature, type Plan } from '../plan';

export interface SplitGridArgs {
  gridId: GridId;
  line: readonly Position[];
}

/**
 * Splits a grid along a drawn line into two or more grids. The largest piece keeps the grid's id, name and
 * worker (like iD's split keeps the way); the others get new ids and no worker yet. Households and population
 * are shared out in proportion to area, as whole numbers that sum to the original.
 * Throws when the line does not split the grid: the split operation reports why before it gets here.
 */
export function splitGrid(plan: Plan, { gridId, line }: SplitGridArgs): Changeset {
  const grid = gridOf(plan, gridId);
  if (!grid) throw new Error(`splitGrid: no grid ${gridId}`);
  const result = splitArea(grid.geometry, line);
  if ('failure' in result) throw new Error(`splitGrid: ${result.failure}`);
  const pieces = result.pieces
    .map((geometry) => ({ geometry, area: areaOf(geometry) }))
    .sort((a, b) => b.area - a.area);
  const areas = pieces.map((piece) => piece.area);
  const households = apportion(grid.properties.households, areas);
  const population = apportion(grid.properties.population, areas);
  const serials = nextSerials(plan, pieces.length - 1);
  const put: GridFeature[] = pieces.map((piece, index) => {
    const counts = { households: households[index] ?? 0, population: population[index] ?? 0 };
    const serial = serials[index - 1];
    const properties =
      index === 0 || serial === undefined
        ? { ...grid.properties, ...counts }
        : newGridProperties(plan, serial, grid.properties, counts);
    return { type: 'Feature', geometry: piece.geometry, properties };
  });
  return {
    label: { action: 'split_grid', gridIds: put.map((piece) => piece.properties.id) },
    put,
    remove: [],
  };
}
