import { describe, expect, it } from 'vitest';
import type { RegionLevel } from '../../../domain/hierarchy';
import { UnitTree } from '../../../domain/unit-tree';
import { summariseCameras } from './camera-summary';

const region = (id: string, level: RegionLevel, parentId: string | null) => ({
  id,
  name: id,
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
const grids = [
  { id: 'g1', name: 'g1', communityId: 'c1' },
  { id: 'g2', name: 'g2', communityId: 'c2' },
  { id: 'g3', name: 'g3', communityId: 'c3' },
];
const tree = new UnitTree(regions, grids);
// online = 0, offline = 1, fault = 2 (the order of cameraStatuses)
const cameras = {
  count: 5,
  status: Uint8Array.from([0, 1, 0, 2, 0]),
  // Grid rows into gridIds; -1 = outside every grid.
  gridIndex: Int32Array.from([0, 0, 1, 2, -1]),
  gridIds: ['g1', 'g2', 'g3'],
};

describe('summariseCameras', () => {
  it('counts the whole city, unassigned cameras included', () => {
    expect(summariseCameras(cameras, null)).toEqual({ total: 5, online: 3 });
  });
  it('counts only cameras in the unit’s grids', () => {
    expect(summariseCameras(cameras, tree.gridsIn('s1'))).toEqual({ total: 3, online: 2 });
    expect(summariseCameras(cameras, tree.gridsIn('c3'))).toEqual({ total: 1, online: 0 });
  });
});
