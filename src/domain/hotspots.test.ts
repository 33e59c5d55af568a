import { describe, expect, it } from 'vitest';
import { findHotspots, hotspotVerdict } from './hotspots';

const now = Date.parse('2026-11-22T00:00:00+08:00');
const daysAgo = (days: number) => new Date(now - days * 86_400_000).toISOString();

describe('early warning (未诉先办)', () => {
  it('needs a real jump over the grid’s own baseline', () => {
    expect(hotspotVerdict(4, 0).flagged).toBe(false);
    expect(hotspotVerdict(5, 0).flagged).toBe(true);
    expect(hotspotVerdict(12, 8 * 6).flagged).toBe(false);
    expect(hotspotVerdict(14, 8 * 6).flagged).toBe(true);
  });

  it('flags only the grid whose last week rose above its baseline', () => {
    const cases = [
      ...Array.from({ length: 16 }, (_, index) => ({ gridId: 'steady', reportedAt: daysAgo(8 + index * 3) })),
      ...Array.from({ length: 3 }, () => ({ gridId: 'steady', reportedAt: daysAgo(2) })),
      ...Array.from({ length: 8 }, (_, index) => ({
        gridId: 'rising',
        reportedAt: daysAgo(1 + (index % 6)),
      })),
      ...Array.from({ length: 8 }, (_, index) => ({ gridId: 'rising', reportedAt: daysAgo(10 + index * 6) })),
      { gridId: null, reportedAt: daysAgo(1) },
    ];
    const flagged = findHotspots(cases, now);
    expect(flagged.map((entry) => entry.gridId)).toEqual(['rising']);
    expect(flagged[0]?.verdict.lastWeek).toBe(8);
  });

  it('ignores cases outside the baseline and the last week', () => {
    const old = Array.from({ length: 30 }, () => ({ gridId: 'g', reportedAt: daysAgo(200) }));
    expect(findHotspots(old, now)).toEqual([]);
  });
});
