import { describe, expect, it } from 'vitest';
import type { RegionLevel } from '../../../domain/hierarchy';
import { UnitTree } from '../../../domain/unit-tree';
import { drillTargetOf } from './drill-target';

const region = (id: string, level: RegionLevel, parentId: string | null) => ({
  id,
  name: id,
  level,
  parentId,
});
const index = new UnitTree([
  region('city', 'city', null),
  region('east', 'district', 'city'),
  region('west', 'district', 'city'),
  region('east-1', 'street', 'east'),
  region('east-1-a', 'community', 'east-1'),
]);
const community = 'east-1-a';

describe('drillTargetOf', () => {
  it('goes one level down from the focus towards the tapped grid', () => {
    expect(drillTargetOf(index, null, community)).toBe('east');
    expect(drillTargetOf(index, 'city', community)).toBe('east');
    expect(drillTargetOf(index, 'east', community)).toBe('east-1');
    expect(drillTargetOf(index, 'east-1', community)).toBe('east-1-a');
  });

  it('stops at the community and outside the focus (the tap selects the grid there)', () => {
    expect(drillTargetOf(index, 'east-1-a', community)).toBeNull();
    expect(drillTargetOf(index, 'west', community)).toBeNull();
    expect(drillTargetOf(index, 'grid-7', community)).toBeNull();
  });
});
