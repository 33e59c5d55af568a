import { describe, expect, it } from 'vitest';
import type { CameraPurpose, CameraStatus } from '../domain/points';
import { buildCameraClusters } from './camera-clusters/camera-clusters';
import { allCameras, cameraPointsOf, filterCameras, type CameraInput } from './camera-points';

const camera = (index: number, status: CameraStatus, purpose: CameraPurpose, lng: number): CameraInput => ({
  geometry: { coordinates: [lng, 35.5] },
  properties: { id: `c${index}`, name: `摄像头${index}`, status, purpose, gridId: null },
});

const cameras = [
  camera(0, 'online', 'road', 112.8),
  camera(1, 'offline', 'road', 112.8001),
  camera(2, 'fault', 'residential', 112.8002),
  camera(3, 'online', 'residential', 113.5),
];

describe('camera columns and filters', () => {
  const points = cameraPointsOf(cameras);

  it('keeps every camera under the open filter, in order', () => {
    const subset = filterCameras(points, allCameras);
    expect(subset.count).toBe(4);
    expect([...subset.source]).toEqual([0, 1, 2, 3]);
    expect(subset.positions[6]).toBeCloseTo(113.5, 4);
  });

  it('keeps only the statuses and purposes asked for, and says where each came from', () => {
    const subset = filterCameras(points, {
      statuses: new Set<CameraStatus>(['online', 'fault']),
      purposes: new Set<CameraPurpose>(['residential']),
    });
    expect([...subset.source]).toEqual([2, 3]);
    expect(subset.positions[0]).toBeCloseTo(112.8002, 4);
  });
});

describe('camera clusters', () => {
  const index = buildCameraClusters(filterCameras(cameraPointsOf(cameras), allCameras));

  it('groups nearby cameras at low zoom and counts how many are online', () => {
    const clusters = index.clusters([-180, -85, 180, 85], 8);
    const near = clusters.find((cluster) => cluster.count === 3);
    expect(near?.online).toBe(1);
    expect(clusters.reduce((sum, cluster) => sum + cluster.count, 0)).toBe(4);
  });

  it('separates them when zoomed in past the cluster zoom', () => {
    expect(index.clusters([-180, -85, 180, 85], 18)).toHaveLength(4);
  });
});
