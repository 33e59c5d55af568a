import { describe, expect, it } from 'vitest';
import { indexRegions, type Region } from '../../../domain/hierarchy';
import { regionId } from '../../../domain/ids';
import { drillTargetOf } from './drill-target';

const region = (id: string, level: Region['level'], parent: string | null): Region => ({
  id: regionId(id),
  name: id,
  level,
  parentId: parent === null ? null : regionId(parent),
});
const index = indexRegions([
  region('city', 'city', null),
  region('east', 'district', 'city'),
  region('west', 'district', 'city'),
  region('east-1', 'street', 'east'),
  region('east-1-a', 'community', 'east-1'),
]);
const community = regionId('east-1-a');

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
