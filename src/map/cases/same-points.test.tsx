// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CasePointColumns } from './case-layers';
import { samePoints, useSamePoints } from './same-points';

const columns = (positions: number[], stage: number[]): CasePointColumns => ({
  count: stage.length,
  positions: new Float32Array(positions),
  stage: new Uint8Array(stage),
});

describe('samePoints', () => {
  it('compares the positions, and the stages when asked', () => {
    const a = columns([112.8, 35.5, 113, 35.7], [0, 3]);
    expect(samePoints(a, columns([112.8, 35.5, 113, 35.7], [0, 3]), true)).toBe(true);
    expect(samePoints(a, columns([112.8, 35.5, 113, 35.7], [0, 4]), true)).toBe(false);
    expect(samePoints(a, columns([112.8, 35.5, 113, 35.7], [0, 4]), false)).toBe(true);
    expect(samePoints(a, columns([112.8, 35.5, 113.1, 35.7], [0, 3]), false)).toBe(false);
    expect(samePoints(a, columns([112.8, 35.5], [0]), false)).toBe(false);
  });
});

describe('useSamePoints', () => {
  it('keeps the columns it returned while new arrays hold the same points', () => {
    const first = columns([112.8, 35.5, 113, 35.7], [0, 3]);
    const { result, rerender } = renderHook(({ points }) => useSamePoints(points, false), {
      initialProps: { points: first },
    });
    expect(result.current).toBe(first);
    rerender({ points: columns([112.8, 35.5, 113, 35.7], [1, 1]) });
    expect(result.current).toBe(first);
    const moved = columns([112.8, 35.5, 113.2, 35.7], [0, 3]);
    rerender({ points: moved });
    expect(result.current).toBe(moved);
  });
});
