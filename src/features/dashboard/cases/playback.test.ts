import { describe, expect, it } from 'vitest';
import { dayMs } from '../../../domain/china-time';
import { frameOf, nextDay, playbackDays } from './playback';

const window = { from: Date.parse('2026-11-01T00:00:00+08:00'), to: Date.parse('2026-11-08T00:00:00+08:00') };

describe('playback', () => {
  it('shows the whole window until a day is chosen, then one day of it', () => {
    expect(frameOf(window, null)).toEqual(window);
    expect(frameOf(window, 2)).toEqual({ from: window.from + 2 * dayMs, to: window.from + 3 * dayMs });
    expect(frameOf(window, 99)).toEqual({ from: window.to - dayMs, to: window.to });
  });

  it('advances day by day and stops after the last one', () => {
    expect(playbackDays(window)).toBe(7);
    const days: number[] = [];
    for (let day = nextDay(window, null); day !== null; day = nextDay(window, day)) days.push(day);
    expect(days).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
