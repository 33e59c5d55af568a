import { describe, expect, it } from 'vitest';
import { gridId } from '../../domain/ids';
import { splitGrid } from './actions/split-grid.action';
import { updateGridProperties } from './actions/update-grid-properties.action';
import { sharedEdgesPlan } from './fixtures/plan.fixtures';
import { canRedo, canUndo, redo, redoLabel, startHistory, transact, undo, undoLabel } from './history';

describe('transaction log', () => {
  const start = startHistory(sharedEdgesPlan);
  const renamed = transact(
    start,
    updateGridProperties(start.plan, { gridId: gridId('C1-G1'), changes: { name: '东区网格' } }),
  );
  const split = transact(
    renamed,
    splitGrid(renamed.plan, {
      gridId: gridId('C1-G2'),
      line: [
        [112.8575, 35.489],
        [112.8575, 35.495],
      ],
    }),
  );

  it('undoes every step back to the byte-identical start and redoes to the byte-identical end', () => {
    const undone = undo(undo(split));
    expect(JSON.stringify(undone.plan)).toBe(JSON.stringify(start.plan));
    expect(canUndo(undone)).toBe(false);
    const redone = redo(redo(undone));
    expect(JSON.stringify(redone.plan)).toBe(JSON.stringify(split.plan));
    expect(canRedo(redone)).toBe(false);
  });

  it('labels the buttons with the action that would be undone or redone', () => {
    expect(undoLabel(split)?.action).toBe('split_grid');
    expect(redoLabel(undo(split))?.action).toBe('split_grid');
    expect(undoLabel(undo(split))?.action).toBe('update_grid_properties');
    expect(undoLabel(start)).toBeUndefined();
  });

  it('drops the redo branch when a new edit is made after an undo', () => {
    const branched = transact(
      undo(split),
      updateGridProperties(renamed.plan, { gridId: gridId('C1-G3'), changes: { workerName: '李四' } }),
    );
    expect(canRedo(branched)).toBe(false);
    expect(branched.undoStack).toHaveLength(2);
  });

  it('survives a round trip through JSON, as the autosaved draft does', () => {
    const restored = JSON.parse(JSON.stringify(split)) as typeof split;
    expect(JSON.stringify(undo(restored).plan)).toBe(JSON.stringify(renamed.plan));
  });
});
