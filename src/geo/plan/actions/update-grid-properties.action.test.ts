import { describe, expect, it } from 'vitest';
import { gridId } from '../../../domain/ids';
import { sharedEdgesPlan } from '../fixtures/plan.fixtures';
import { applyChangeset, gridOf } from '../plan';
import { updateGridProperties } from './update-grid-properties.action';

describe('updateGridProperties', () => {
  it('renames, retypes and reassigns the worker, leaving the geometry and the counts alone', () => {
    const id = gridId('C1-G2');
    const changeset = updateGridProperties(sharedEdgesPlan, {
      gridId: id,
      changes: { name: ' 康乐小区网格 ', type: 'new_build', workerName: '王五' },
    });
    const after = gridOf(applyChangeset(sharedEdgesPlan, changeset), id);
    const before = gridOf(sharedEdgesPlan, id);
    expect(after?.properties).toMatchObject({
      name: '康乐小区网格',
      type: 'new_build',
      workerName: '王五',
      households: before?.properties.households,
    });
    expect(after?.geometry).toBe(before?.geometry);
  });
});
