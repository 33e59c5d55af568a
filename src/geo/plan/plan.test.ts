import { describe, expect, it } from 'vitest';
import { gridId } from '../../domain/ids';
import { sharedEdgesPlan } from './fixtures/plan.fixtures';
import { applyChangeset, gridOf, invertChangeset, type Changeset } from './plan';

const g = (serial: number) => gridId(`C1-G${serial}`);

describe('changesets', () => {
  const renamed = gridOf(sharedEdgesPlan, g(2));
  if (!renamed) throw new Error('fixture lacks C1-G2');
  const changeset: Changeset = {
    label: { action: 'update_grid_properties', gridIds: [g(2)] },
    put: [
      { ...renamed, properties: { ...renamed.properties, name: '新名字' } },
      { ...renamed, properties: { ...renamed.properties, id: g(10), name: '新网格' } },
    ],
    remove: [g(4)],
  };

  it('replaces, adds and removes grids without touching the plan it was given', () => {
    const after = applyChangeset(sharedEdgesPlan, changeset);
    expect(after.grids.map((grid) => grid.properties.id)).toEqual([g(1), g(2), g(3), g(10)]);
    expect(gridOf(after, g(2))?.properties.name).toBe('新名字');
    expect(gridOf(sharedEdgesPlan, g(2))?.properties.name).not.toBe('新名字');
    expect(sharedEdgesPlan.grids).toHaveLength(4);
  });

  it('inverts to the byte-identical plan', () => {
    const after = applyChangeset(sharedEdgesPlan, changeset);
    const restored = applyChangeset(after, invertChangeset(sharedEdgesPlan, changeset));
    expect(JSON.stringify(restored)).toBe(JSON.stringify(sharedEdgesPlan));
  });
});
