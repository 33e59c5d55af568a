import { describe, expect, it } from 'vitest';
import { convertPosition } from '../geo/crs';
import { mapCrsOf } from './map-crs';

const point = (coordinates: [number, number]) => ({
  type: 'FeatureCollection' as const,
  features: [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates }, properties: {} }],
});
const jincheng: [number, number] = [112.85, 35.49];

describe('mapCrsOf: the one step into the base map’s CRS', () => {
  it('places nothing while meta loads, whatever the layer', () => {
    const step = mapCrsOf({ isPending: true }, 'gcj02');
    expect(step.dataCrs).toBeNull();
    expect(step.collection(point(jincheng))).toBeNull();
    expect(step.bbox([112, 35, 113, 36])).toBeNull();
    expect(step.positionStep()).toBeNull();
  });

  it('takes columns in their own CRS without waiting for meta', () => {
    const step = mapCrsOf({ isPending: true }, 'gcj02');
    expect(step.positionStep('wgs84')?.(jincheng)).toEqual(convertPosition(jincheng, 'wgs84', 'gcj02'));
    expect(step.positionStep('gcj02')).toBeUndefined();
  });

  it('reads a failed meta as WGS84, the contract’s default, and moves it onto a GCJ-02 map', () => {
    const step = mapCrsOf({ isPending: false }, 'gcj02');
    const moved = step.collection(point(jincheng))?.features[0]?.geometry.coordinates;
    expect(moved).toEqual(convertPosition(jincheng, 'wgs84', 'gcj02'));
    // About 570 m east and north-ish in Jincheng: a real move, not a no-op.
    expect(Math.abs((moved?.[0] ?? 0) - jincheng[0])).toBeGreaterThan(0.003);
  });

  it('converts an answer once for every reader, and not at all when the systems agree', () => {
    const answer = point(jincheng);
    const step = mapCrsOf({ isPending: false, data: { crs: 'wgs84' } }, 'gcj02');
    expect(step.collection(answer)).toBe(step.collection(answer));
    expect(mapCrsOf({ isPending: false, data: { crs: 'gcj02' } }, 'gcj02').collection(answer)).toBe(answer);
    expect(mapCrsOf({ isPending: false, data: { crs: 'wgs84' } }, 'gcj02')).toBe(step);
  });
});
