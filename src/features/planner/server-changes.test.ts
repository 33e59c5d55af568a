import { describe, expect, it } from 'vitest';
import { gridId } from '../../domain/ids';
import { splitGrid } from '../../geo/plan/actions/split-grid.action';
import { updateGridProperties } from '../../geo/plan/actions/update-grid-properties.action';
import { sharedEdgesPlan } from '../../geo/plan/fixtures/plan.fixtures';
import { startHistory, transact, undo } from '../../geo/plan/history';
import { applyChangeset } from '../../geo/plan/plan';
import { rebaseHistory, serverChanges } from './server-changes';

const splitLine = [
  [112.8575, 35.489],
  [112.8575, 35.495],
];

describe('serverChanges', () => {
  const renamedOnServer = applyChangeset(
    sharedEdgesPlan,
    updateGridProperties(sharedEdgesPlan, { gridId: gridId('C1-G1'), changes: { name: '服务器改名' } }),
  );

  it('lists grids someone else changed, and nothing for a version bump alone', () => {
    const bumped = renamedOnServer.grids.map((grid) => ({
      ...grid,
      properties: { ...grid.properties, version: grid.properties.version + 1 },
    }));
    expect(serverChanges(sharedEdgesPlan.grids, bumped)).toEqual([
      { gridId: 'C1-G1', name: '服务器改名', kind: 'changed' },
    ]);
  });

  it('names added and removed grids', () => {
    const split = applyChangeset(
      sharedEdgesPlan,
      splitGrid(sharedEdgesPlan, { gridId: gridId('C1-G2'), line: splitLine }),
    );
    const kinds = serverChanges(split.grids, sharedEdgesPlan.grids).map((change) => change.kind);
    expect(kinds).toContain('removed');
    expect(serverChanges(sharedEdgesPlan.grids, split.grids).map((change) => change.kind)).toContain('added');
  });
});

describe('rebaseHistory', () => {
  const mine = transact(
    startHistory(sharedEdgesPlan),
    splitGrid(sharedEdgesPlan, { gridId: gridId('C1-G2'), line: splitLine }),
  );
  const server = applyChangeset(
    { ...sharedEdgesPlan, baseVersion: 7 },
    updateGridProperties(sharedEdgesPlan, { gridId: gridId('C1-G1'), changes: { name: '服务器改名' } }),
  );
  const rebased = rebaseHistory(mine, server);

  it('keeps the server’s edit and the planner’s edit, on the server’s version', () => {
    expect(rebased.plan.baseVersion).toBe(7);
    expect(rebased.plan.grids.find((grid) => grid.properties.id === 'C1-G1')?.properties.name).toBe(
      '服务器改名',
    );
    expect(rebased.plan.grids.length).toBe(mine.plan.grids.length);
  });

  it('keeps one undo step per edit, and undo returns to the server’s plan', () => {
    expect(rebased.undoStack.length).toBe(1);
    expect(JSON.stringify(undo(rebased).plan)).toBe(JSON.stringify(server));
  });
});
