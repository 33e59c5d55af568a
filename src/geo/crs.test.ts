import { describe, expect, it } from 'vitest';
import { convertBbox, convertCollection, convertPosition } from './crs';

const jinchengCentre: [number, number] = [112.85, 35.49];

function metresBetween(a: readonly [number, number], b: readonly [number, number]): number {
  const radians = Math.PI / 180;
  const x = (b[0] - a[0]) * radians * Math.cos(((a[1] + b[1]) / 2) * radians);
  const y = (b[1] - a[1]) * radians;
  return Math.hypot(x, y) * 6_371_008;
}

describe('convertPosition', () => {
  it('moves a point in Jincheng by several hundred metres, mostly eastward, from WGS84 to GCJ-02', () => {
    const moved = convertPosition(jinchengCentre, 'wgs84', 'gcj02');
    const distance = metresBetween(jinchengCentre, moved);
    expect(distance).toBeGreaterThan(450);
    expect(distance).toBeLessThan(700);
    expect(moved[0]).toBeGreaterThan(jinchengCentre[0]);
  });

  it('round-trips to within a metre', () => {
    const back = convertPosition(convertPosition(jinchengCentre, 'wgs84', 'gcj02'), 'gcj02', 'wgs84');
    expect(metresBetween(jinchengCentre, back)).toBeLessThan(1);
  });
});

describe('convertCollection', () => {
  const collection = {
    type: 'FeatureCollection' as const,
    features: [
      {
        type: 'Feature' as const,
        properties: { id: 'a' },
        geometry: {
          type: 'Polygon' as const,
          coordinates: [
            [
              [112.8, 35.4],
              [112.9, 35.4],
              [112.9, 35.5],
              [112.8, 35.4],
            ] as [number, number][],
          ],
        },
      },
    ],
  };

  it('returns the very same object when the systems agree (no work, no map update)', () => {
    expect(convertCollection(collection, 'wgs84', 'wgs84')).toBe(collection);
  });

  it('converts every vertex, keeps properties and leaves the input untouched', () => {
    const converted = convertCollection(collection, 'wgs84', 'gcj02');
    const ring = converted.features[0]!.geometry.coordinates[0]!;
    expect(ring).toHaveLength(4);
    expect(converted.features[0]!.properties).toEqual({ id: 'a' });
    expect(ring[0]![0]).not.toBe(112.8);
    expect(collection.features[0]!.geometry.coordinates[0]![0]).toEqual([112.8, 35.4]);
  });

  it('converts a bounding box by its corners', () => {
    const [west, south, east, north] = convertBbox([112.8, 35.4, 112.9, 35.5], 'wgs84', 'gcj02');
    expect(west).toBeLessThan(east);
    expect(south).toBeLessThan(north);
    expect(west).toBeGreaterThan(112.8);
  });
});
