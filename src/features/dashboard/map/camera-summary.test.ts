import { describe, expect, it } from 'vitest';
import type { Region } from '../../../domain/hierarchy';
import { regionId } from '../../../domain/ids';
import { gridsInUnit, summariseCameras } from './camera-summary';

const region = (id: string, level: Region['level'], parentId: string | null): Region => ({
  id: regionId(id),
  name: id,
  level,
  parentId: parentId === null ? null : regionId(parentId),
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
  { id: 'g1', communityId: 'c1' },
  { id: 'g2', communityId: 'c2' },
  { id: 'g3', communityId: 'c3' },
];
// online = 0, offline = 1, fault = 2 (the order of cameraStatuses)
const cameras = {
  count: 5,
  status: Uint8Array.from([0, 1, 0, 2, 0]),
  // Grid rows into gridIds; -1 = outside every grid.
  gridIndex: Int32Array.from([0, 0, 1, 2, -1]),
  gridIds: ['g1', 'g2', 'g3'],
};

describe('gridsInUnit', () => {
  it('collects the grids of every community below a district', () => {
    expect([...(gridsInUnit('d1', grids, regions) ?? [])].sort()).toEqual(['g1', 'g2']);
  });
  it('is the grid itself for a grid, and everything (null) for the city or no focus', () => {
    expect([...(gridsInUnit('g3', grids, regions) ?? [])]).toEqual(['g3']);
    expect(gridsInUnit('city', grids, regions)).toBeNull();
    expect(gridsInUnit(null, grids, regions)).toBeNull();
  });
});

describe('summariseCameras', () => {
  it('counts the whole city, unassigned cameras included', () => {
    expect(summariseCameras(cameras, null)).toEqual({ total: 5, online: 3 });
  });
  it('counts only cameras in the unit’s grids', () => {
    expect(summariseCameras(cameras, gridsInUnit('s1', grids, regions))).toEqual({ total: 3, online: 2 });
    expect(summariseCameras(cameras, gridsInUnit('c3', grids, regions))).toEqual({ total: 1, online: 0 });
  });
});
