import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { labelPointsOf } from './label-points';

const area = (name: string, ring: [number, number][]): Feature<Polygon, { name: string }> => ({
  type: 'Feature',
  properties: { name },
  geometry: { type: 'Polygon', coordinates: [ring] },
});

describe('labelPointsOf', () => {
  it('puts each label inside its area, even where the centroid falls outside (a U shape)', () => {
    const square = area('方', [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
    const uShape = area('U', [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ]);
    const labels = labelPointsOf([square, uShape]);
    expect(labels.features.map((feature) => feature.properties.name)).toEqual(['方', 'U']);
    labels.features.forEach((label, index) => {
      expect(booleanPointInPolygon(label, [square, uShape][index]!)).toBe(true);
    });
  });
});
