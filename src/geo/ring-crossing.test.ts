import { describe, expect, it } from 'vitest';
import { ringCrossesItself } from './ring-crossing';

describe('ringCrossesItself', () => {
  it('finds the crossing of a bowtie', () => {
    expect(
      ringCrossesItself([
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 1],
        [0, 0],
      ]),
    ).toBe(true);
  });
  it('passes a square and a concave ring', () => {
    const square = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    const concave = [
      [0, 0],
      [2, 0],
      [2, 2],
      [1, 1],
      [0, 2],
      [0, 0],
    ];
    expect(ringCrossesItself(square)).toBe(false);
    expect(ringCrossesItself(concave)).toBe(false);
  });
  it('finds a crossing between edges far apart in the ring', () => {
    // A long zig-zag whose last edge cuts back across its first.
    const ring = [
      [0, 0],
      [10, 0],
      [10, 1],
      [9, 1],
      [9, 2],
      [5, -1],
      [0, 0],
    ];
    expect(ringCrossesItself(ring)).toBe(true);
  });
});
