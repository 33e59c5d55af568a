import { describe, expect, it } from 'vitest';
import type { RegionLevel } from './hierarchy';
import { UnitTree } from './unit-tree';

const region = (id: string, level: RegionLevel, parentId: string | null) => ({
  id,
  name: `${id} name`,
  level,
  parentId,
});
const regions = [
  region('city', 'city', null),
  region('d1', 'district', 'city'),
  region('s1', 'street', 'd1'),
  region('c1', 'community', 's1'),
  region('c2', 'community', 's1'),
  region('d2', 'district', 'city'),
  region('s2', 'street', 'd2'),
  region('c3', 'community', 's2'),
];
const grid = (id: string, communityId: string) => ({ id, name: `${id} name`, communityId });
const tree = () => new UnitTree(regions, [grid('g1', 'c1'), grid('g2', 'c2'), grid('g3', 'c3')]);

describe('UnitTree', () => {
  it('gives every unit its path from the city down, grids under their community', () => {
    expect(tree().get('g2')?.path).toEqual(['city', 'd1', 's1', 'c2', 'g2']);
    expect(tree().get('s2')?.path).toEqual(['city', 'd2', 's2']);
    expect(tree().root()?.id).toBe('city');
  });

  it('lists children in input order, regions before grids', () => {
    expect(
      tree()
        .childrenOf('s1')
        .map((unit) => unit.id),
    ).toEqual(['c1', 'c2']);
    expect(
      tree()
        .childrenOf('c3')
        .map((unit) => unit.id),
    ).toEqual(['g3']);
    expect(tree().childrenOf('g3')).toEqual([]);
  });

  it('names the chain from the city down (the breadcrumb), empty for an unknown id', () => {
    expect(
      tree()
        .ancestry('g1')
        .map((unit) => unit.name),
    ).toEqual(['city name', 'd1 name', 's1 name', 'c1 name', 'g1 name']);
    expect(tree().ancestry('nowhere')).toEqual([]);
  });

  it('collects the grids of every community below a district', () => {
    expect([...(tree().gridsIn('d1') ?? [])].sort()).toEqual(['g1', 'g2']);
  });

  it('is the grid itself for a grid, and everything (null) for the city, no focus or an unknown id', () => {
    expect([...(tree().gridsIn('g3') ?? [])]).toEqual(['g3']);
    expect(tree().gridsIn('city')).toBeNull();
    expect(tree().gridsIn(null)).toBeNull();
    expect(tree().gridsIn('nowhere')).toBeNull();
  });

  it('focuses the city when the id is absent or unknown, and gives the same answer object on every read', () => {
    const units = tree();
    expect(units.focus('nowhere')?.id).toBe('city');
    expect(units.focus('c1')).toMatchObject({ id: 'c1', level: 'community', childLevel: 'grid' });
    expect(units.focus('c1')).toBe(units.focus('c1'));
    expect(units.focus('g1')?.childLevel).toBeNull();
  });

  it('lists a redrawn community’s new grids only, and still resolves the old ones', () => {
    const units = tree();
    const before = units.gridsIn('s1');
    units.replaceGrids('c1', [grid('g1a', 'c1'), grid('g1b', 'c1')]);
    expect([...(units.gridsIn('s1') ?? [])].sort()).toEqual(['g1a', 'g1b', 'g2']);
    expect(before).not.toBe(units.gridsIn('s1'));
    expect(units.get('g1')?.path).toEqual(['city', 'd1', 's1', 'c1', 'g1']);
  });
});
