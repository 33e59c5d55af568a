import { describe, expect, it } from 'vitest';
import { findMovedVertex, roundPosition } from './vertex-move';

const ring = [
  [112.1234567891234, 35.1],
  [112.2, 35.1],
  [112.2, 35.2],
  [112.1234567891234, 35.1],
];

describe('findMovedVertex', () => {
  it('returns the plan’s exact vertex and where terra-draw left it', () => {
    const edited = ring.map(roundPosition);
    edited[1] = [112.21, 35.11];
    expect(findMovedVertex([ring], [edited])).toEqual({ from: [112.2, 35.1], to: [112.21, 35.11] });
  });

  it('ignores terra-draw’s rounding of unmoved vertices', () => {
    expect(findMovedVertex([ring], [ring.map(roundPosition)])).toBeNull();
  });

  it('gives up when the rings no longer line up', () => {
    expect(findMovedVertex([ring], [ring.slice(1)])).toBeNull();
  });

  it('finds the exact first vertex when the ring’s closing position moved', () => {
    const edited = ring.map(roundPosition);
    edited[0] = [112.1, 35.0];
    edited[3] = [112.1, 35.0];
    expect(findMovedVertex([ring], [edited])?.from).toEqual(ring[0]);
  });
});
