import { describe, expect, it } from 'vitest';
import { previousPeriod, resolveWindow } from './time-window';
import { chinaDayStart, formatChinaDay, formatChinaTime } from './china-time';

// 2026-11-22 23:30 in Beijing is 15:30 UTC.
const now = Date.parse('2026-11-22T15:30:00Z');

describe('time windows in China Standard Time', () => {
  it('starts the China day at 16:00 UTC of the day before', () => {
    expect(new Date(chinaDayStart(now)).toISOString()).toBe('2026-11-21T16:00:00.000Z');
    expect(formatChinaDay(Date.parse('2026-11-22T16:30:00Z'))).toBe('2026-11-23');
  });

  it('covers whole days ending with today', () => {
    const week = resolveWindow({ preset: '7d' }, now);
    expect(formatChinaTime(week.from)).toBe('2026-11-16T00:00:00+08:00');
    expect(formatChinaTime(week.to)).toBe('2026-11-23T00:00:00+08:00');
    const today = resolveWindow({ preset: 'today' }, now);
    expect(today.to - today.from).toBe(24 * 3600 * 1000);
  });

  it('stays the same all day long, so query keys are stable', () => {
    expect(resolveWindow({ preset: '30d' }, now)).toEqual(
      resolveWindow({ preset: '30d' }, now + 20 * 60 * 1000),
    );
  });

  it('reads custom days inclusively and falls back on nonsense', () => {
    const custom = resolveWindow({ preset: 'custom', from: '2026-10-01', to: '2026-10-31' }, now);
    expect((custom.to - custom.from) / 86_400_000).toBe(31);
    const broken = resolveWindow({ preset: 'custom', from: '2026-10-31', to: '2026-10-01' }, now);
    expect((broken.to - broken.from) / 86_400_000).toBe(30);
  });

  it('gives the previous period of the same length', () => {
    const period = resolveWindow({ preset: '7d' }, now);
    const before = previousPeriod(period);
    expect(before.to).toBe(period.from);
    expect(before.to - before.from).toBe(period.to - period.from);
  });
});
