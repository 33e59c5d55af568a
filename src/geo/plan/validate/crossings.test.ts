import { describe, expect, it } from 'vitest';
import { box } from '../fixtures/build-fixture';
import { apportion } from '../geometry/apportion';
import { outlineCrossings } from './crossings';

describe('outlineCrossings', () => {
  it('finds where a bow-tie outline crosses itself', () => {
    const bowtie = [
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
    ];
    expect(outlineCrossings({ type: 'Polygon', coordinates: [bowtie] })).toEqual([[0.5, 0.5]]);
  });

  it('does not count a hole touching the outline at a vertex, as merges produce', () => {
    const touchingHole = [
      [0, 0],
      [0.5, 0.5],
      [0.5, 0],
      [0, 0],
    ];
    expect(outlineCrossings({ type: 'Polygon', coordinates: [box(0, 0, 1, 1), touchingHole] })).toEqual([]);
  });
});

describe('apportion', () => {
  it('shares a whole number by weight in whole numbers that add up to it', () => {
    const shares = apportion(101, [1, 1, 1]);
    expect(shares.reduce((sum, share) => sum + share, 0)).toBe(101);
    expect(Math.max(...shares) - Math.min(...shares)).toBe(1);
    expect(apportion(10, [0, 0])).toEqual([10, 0]);
  });
});
