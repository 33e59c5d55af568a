import { describe, expect, it } from 'vitest';
import { gridId } from '../../../domain/ids';
import { multiPartPlan, sharedEdgesPlan, sliverPlan } from '../fixtures/plan.fixtures';
import { tilingMeasure } from '../fixtures/tiling';
import { applyChangeset, gridOf } from '../plan';
import { deleteGrid } from './delete-grid.action';
import { mergeGrids } from './merge-grids.action';

const g = (serial: number) => gridId(`C1-G${serial}`);

describe('mergeGrids', () => {
  it('merges adjacent grids into the first, adding up households and population', () => {
    const changeset = mergeGrids(sharedEdgesPlan, { gridIds: [g(2), g(1)] });
    expect(changeset.remove).toEqual([g(1)]);
    const after = applyChangeset(sharedEdgesPlan, changeset);
    const merged = gridOf(after, g(2));
    expect(merged?.properties.households).toBe(420 + 380);
    expect(merged?.properties.population).toBe(
      (gridOf(sharedEdgesPlan, g(1))?.properties.population ?? 0) +
        (gridOf(sharedEdgesPlan, g(2))?.properties.population ?? 0),
    );
    expect(merged?.properties.name).toBe(gridOf(sharedEdgesPlan, g(2))?.properties.name);
    expect(merged?.geometry.type).toBe('Polygon');
    expect(tilingMeasure(after).relativeAreaError).toBeLessThan(1e-9);
  });

  it('fills the hole when a grid is merged with the grid inside it', () => {
    const after = applyChangeset(sharedEdgesPlan, mergeGrids(sharedEdgesPlan, { gridIds: [g(3), g(4)] }));
    const merged = gridOf(after, g(3));
    expect(merged?.geometry.type === 'Polygon' ? merged.geometry.coordinates.length : 0).toBe(1);
  });

  it('absorbs a sliver into its neighbour', () => {
    const after = applyChangeset(
      sliverPlan,
      mergeGrids(sliverPlan, { gridIds: [gridId('C3-G1'), gridId('C3-G2')] }),
    );
    expect(after.grids).toHaveLength(2);
    expect(tilingMeasure(after).relativeAreaError).toBeLessThan(1e-9);
  });

  it('keeps a multi-part grid whole when merged with a neighbour of one part', () => {
    const after = applyChangeset(
      multiPartPlan,
      mergeGrids(multiPartPlan, { gridIds: [gridId('C2-G2'), gridId('C2-G3')] }),
    );
    const merged = gridOf(after, gridId('C2-G2'));
    expect(merged?.geometry.type).toBe('MultiPolygon');
    expect(merged?.geometry.type === 'MultiPolygon' ? merged.geometry.coordinates.length : 0).toBe(2);
  });
});

describe('deleteGrid', () => {
  it('gives the deleted grid’s area and households to the chosen neighbour', () => {
    const changeset = deleteGrid(sharedEdgesPlan, { gridId: g(1), intoNeighbourId: g(3) });
    expect(changeset.label).toEqual({ action: 'delete_grid', gridIds: [g(1), g(3)] });
    const after = applyChangeset(sharedEdgesPlan, changeset);
    expect(gridOf(after, g(1))).toBeUndefined();
    expect(gridOf(after, g(3))?.properties.households).toBe(610 + 420);
    expect(tilingMeasure(after).relativeAreaError).toBeLessThan(1e-9);
  });
});
