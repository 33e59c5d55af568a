import { describe, expect, it } from 'vitest';
import { msUntilNext } from './daily-reload';

describe('msUntilNext', () => {
  it('waits until later today when the time is still ahead', () => {
    const now = new Date(2025, 5, 10, 3, 0, 0);
    expect(msUntilNext('04:30', now)).toBe(90 * 60_000);
  });

  it('waits until tomorrow when the time has passed (or is now)', () => {
    const now = new Date(2025, 5, 10, 4, 30, 0);
    const wait = msUntilNext('04:30', now)!;
    const target = new Date(now.getTime() + wait);
    expect(target.getDate()).toBe(11);
    expect([target.getHours(), target.getMinutes()]).toEqual([4, 30]);
  });

  it('rejects a malformed time instead of reloading in a loop', () => {
    expect(msUntilNext('24:00', new Date())).toBeNull();
    expect(msUntilNext('7:5', new Date())).toBeNull();
  });
});
