import { describe, expect, it } from 'vitest';
import { CameraIndex } from './camera-index';
import { cameraColumnsOf, type CameraInput } from './camera-columns';
import { keySiteCoverage, type KeySite } from './key-site-coverage';
import type { CameraStatus } from './points';

// Hand-worked offsets: along a meridian the great-circle distance is R·Δφ exactly, so a camera `metres` north of a
// site is Δlat = metres / (π·R / 180) degrees away (R = 6,371,008.8 m, turf's mean radius: 111,195.08 m a degree).
// Along a parallel at latitude φ a degree of longitude is cos φ as long (within a millimetre over 100 m). The
// columns keep positions as 32-bit floats (±0.7 m here), so no figure is put within a metre of a limit.
const metresPerDegree = (Math.PI * 6_371_008.8) / 180;
const north = ([lng, lat]: readonly [number, number], metres: number): [number, number] => [
  lng,
  lat + metres / metresPerDegree,
];
const east = ([lng, lat]: readonly [number, number], metres: number): [number, number] => [
  lng + metres / (metresPerDegree * Math.cos((lat * Math.PI) / 180)),
  lat,
];

const camera = (id: string, position: [number, number], status: CameraStatus): CameraInput => ({
  geometry: { coordinates: position },
  properties: { id, name: id, status, purpose: 'key_site', gridId: null },
});

const a: KeySite = { id: 'A', name: '东街便民服务站', position: [112.85, 35.5] };
const b: KeySite = { id: 'B', name: '西街综治中心', position: [112.86, 35.5] };
const c: KeySite = { id: 'C', name: '南街调解室', position: [112.87, 35.5] };
const d: KeySite = { id: 'D', name: '北街党群服务中心', position: [112.88, 35.51] };
const e: KeySite = { id: 'E', name: '城郊法律服务站', position: [112.9, 35.52] };

const cameras = new CameraIndex(
  cameraColumnsOf([
    camera('a-60n', north(a.position, 60), 'online'), // A: covered at 60 m
    camera('b-140n', north(b.position, 140), 'online'), // B: only from 140 m on
    camera('b-20n-off', north(b.position, 20), 'offline'), // near B, but offline: covers nothing
    camera('c-10n-fault', north(c.position, 10), 'fault'), // near C, but at fault
    camera('c-99s', north(c.position, -99), 'online'), // C: covered at 99 m
    camera('e-95e', east(e.position, 95), 'online'), // E: 95 m along the parallel
    // D has no camera at all.
  ]),
);

describe('key-site coverage', () => {
  it('counts a key site covered only by an online camera within the distance (100 m: A, C, E of five)', () => {
    const coverage = keySiteCoverage([a, b, c, d, e], cameras, 100);
    expect(coverage).toEqual({ total: 5, covered: 3, share: 3 / 5, uncovered: [b, d] });
  });

  it('moves with the configured distance: 150 m also covers B (140 m); 50 m covers none of A, C, E', () => {
    expect(keySiteCoverage([a, b, c, d, e], cameras, 150)).toMatchObject({ covered: 4, uncovered: [d] });
    expect(keySiteCoverage([a, b, c, d, e], cameras, 50)).toMatchObject({ covered: 0, share: 0 });
  });

  it('finds a camera east of a site, where a degree of longitude is 0.81 of a degree of latitude', () => {
    // Without the index's shrunk longitudes this camera (95 m, 0.00105° of longitude) falls outside the box.
    expect(cameras.onlineWithin(e.position, 100)).toBe(true);
    expect(cameras.onlineWithin(e.position, 90)).toBe(false);
  });

  it('has no share for a unit without key sites, and covers nothing without cameras', () => {
    expect(keySiteCoverage([], cameras, 100)).toEqual({ total: 0, covered: 0, share: null, uncovered: [] });
    const none = new CameraIndex(cameraColumnsOf([]));
    expect(keySiteCoverage([a], none, 100)).toEqual({ total: 1, covered: 0, share: 0, uncovered: [a] });
  });
});

describe('the cameras nearest a place', () => {
  it('are the nearest four whatever their status, nearest first, with their distances', () => {
    const place: [number, number] = [112.8, 35.45];
    const index = new CameraIndex(
      cameraColumnsOf([
        camera('n90', north(place, 90), 'online'),
        camera('e30', east(place, 30), 'fault'),
        camera('s50', north(place, -50), 'online'),
        camera('far', north(place, 2000), 'online'),
        camera('n10', north(place, 10), 'offline'),
        camera('w70', east(place, -70), 'online'),
      ]),
    );
    const nearest = index.nearest(place, 4);
    expect(nearest.map(({ row }) => index.cameras.id(row))).toEqual(['n10', 'e30', 's50', 'w70']);
    // Within a metre: the columns hold positions as 32-bit floats (0.7 m of longitude here).
    nearest.forEach(({ metres }, rank) =>
      expect(Math.abs(metres - ([10, 30, 50, 70][rank] ?? 0))).toBeLessThan(1),
    );
  });
});
