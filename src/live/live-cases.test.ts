import { describe, expect, it, vi } from 'vitest';
import { sampleCase, sampleCases, sampleGridIds } from '../contract/columnar/case.fixtures';
import { LiveCases } from './live-cases';

describe('LiveCases', () => {
  it('applies streamed cases in place, once each, and tells listeners', () => {
    const live = new LiveCases();
    live.reset(sampleCases(100), sampleGridIds, 'w', 1_000);
    const listener = vi.fn();
    live.subscribe(listener);
    const columns = live.snapshot().columns;
    expect(live.apply(sampleCase(100), 2_000)).toBe(true);
    expect(live.apply(sampleCase(100), 2_001)).toBe(false);
    expect(live.snapshot().columns).toBe(columns);
    expect(columns.count).toBe(101);
    expect(live.snapshot().arrivals.map((item) => item.id)).toEqual(['C100']);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('keeps a streamed case across a refetch that started before it arrived', () => {
    const live = new LiveCases();
    live.reset(sampleCases(100), sampleGridIds, 'w', 1_000);
    live.apply(sampleCase(100), 2_000);
    live.reset(sampleCases(100), sampleGridIds, 'w', 3_000);
    expect(live.snapshot().columns.count).toBe(101);
    live.reset(sampleCases(101), sampleGridIds, 'w', 3_000);
    expect(live.snapshot().columns.count).toBe(101);
    expect(live.snapshot().arrivals.map((item) => item.id)).toEqual(['C100']);
  });

  it('counts cases a poll brings as arrivals within a window, not when the window changes', () => {
    const live = new LiveCases();
    live.reset(sampleCases(10), sampleGridIds, 'w', 1_000);
    live.reset(sampleCases(12), sampleGridIds, 'w', 2_000);
    expect(live.snapshot().arrivals.map((item) => item.id)).toEqual(['C10', 'C11']);
    live.reset(sampleCases(20), sampleGridIds, 'other', 3_000);
    expect(live.snapshot().arrivals).toEqual([]);
  });
});
