import { describe, expect, it } from 'vitest';
import type { GridAreas, RegionAreas } from './grid-map';
import { unitBounds } from './unit-bounds';

const square = (x: number, y: number, size: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ],
});
const regions: RegionAreas = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: square(0, 0, 10), properties: { id: 'c', name: 'city', level: 'city' } },
    { type: 'Feature', geometry: square(1, 2, 3), properties: { id: 's', name: 'street', level: 'street' } },
  ],
};
const grids: GridAreas = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', geometry: square(2, 2, 0.5), properties: { id: 'g', name: 'grid' } }],
};

describe('unit bounds', () => {
  it('finds regions and grids by id', () => {
    expect(unitBounds('s', regions, grids)).toEqual([1, 2, 4, 5]);
    expect(unitBounds('g', regions, grids)).toEqual([2, 2, 2.5, 2.5]);
  });

  it('has no focus for the city, an unknown id or no id', () => {
    expect(unitBounds('c', regions, grids)).toBeNull();
    expect(unitBounds('x', regions, grids)).toBeNull();
    expect(unitBounds(null, regions, grids)).toBeNull();
  });
});
