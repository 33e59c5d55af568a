import { describe, expect, it } from 'vitest';
import { firstRetryMs, maximumRetryMs, retryDelayMs } from './retry-delay';

describe('retryDelayMs', () => {
  it('doubles after every failure', () => {
    const delays = [1, 2, 3, 4].map((failures) => retryDelayMs(failures));
    expect(delays[0]).toBe(firstRetryMs);
    for (let index = 1; index < delays.length; index++) expect(delays[index]).toBe(2 * delays[index - 1]!);
  });

  it('never waits longer than the cap, however long the outage', () => {
    expect(retryDelayMs(50)).toBe(maximumRetryMs);
    expect(retryDelayMs(10_000)).toBe(maximumRetryMs);
  });

  it('honours the server’s Retry-After, within the cap', () => {
    expect(retryDelayMs(1, 30)).toBe(30_000);
    expect(retryDelayMs(1, 3600)).toBe(maximumRetryMs);
  });
});
