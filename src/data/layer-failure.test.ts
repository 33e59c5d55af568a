import type { Query } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { DataError } from './data-error';
import { failureOf, recoveringInterval } from './layer-failure';

/** A query as TanStack Query holds it, reduced to what the failure record reads. */
function fakeQuery(capMs = 5000) {
  const query = {
    options: { meta: { recoveryCapMs: capMs } },
    state: {
      status: 'pending',
      fetchStatus: 'fetching',
      error: null as unknown,
      errorUpdatedAt: 0,
      dataUpdatedAt: 0,
    },
  };
  const fail = (at: number) => {
    query.state = {
      ...query.state,
      status: 'error',
      fetchStatus: 'idle',
      error: http500,
      errorUpdatedAt: at,
    };
  };
  // What TanStack Query does on a refetch of a query that never had data: back to pending, its error forgotten.
  const refetch = () => {
    query.state = { ...query.state, status: 'pending', fetchStatus: 'fetching', error: null };
  };
  const succeed = (at: number) => {
    query.state = { ...query.state, status: 'success', fetchStatus: 'idle', error: null, dataUpdatedAt: at };
  };
  return { query: query as unknown as Query, fail, refetch, succeed };
}

const http500 = new DataError('cameras', 'http', 'HTTP 500 from /cameras', 500);

describe('a layer failure', () => {
  it('lasts through the retry (when TanStack Query forgets the error) and ends only with a success', () => {
    const { query, fail, refetch, succeed } = fakeQuery();
    fail(1_000);
    const first = failureOf(query, () => 0);
    expect(first).toMatchObject({ error: http500, failures: 1, retryAt: 2_000, lastSuccessAt: null });
    refetch();
    expect(failureOf(query)).toBe(first);
    fail(2_100);
    expect(failureOf(query, () => 0)).toMatchObject({ failures: 2, retryAt: 4_100 });
    refetch();
    succeed(4_200);
    expect(failureOf(query)).toBeUndefined();
    fail(9_000);
    expect(failureOf(query, () => 0)).toMatchObject({ failures: 1, lastSuccessAt: 4_200 });
  });

  it('schedules the next read at its retry time, never while a read is under way, and polls when healthy', () => {
    const { query, fail, refetch, succeed } = fakeQuery();
    const interval = recoveringInterval(60_000);
    fail(Date.now());
    const wait = interval(query);
    expect(wait).toBeGreaterThan(500);
    expect(wait).toBeLessThanOrEqual(1_000);
    refetch();
    expect(interval(query)).toBe(false);
    succeed(Date.now());
    expect(interval(query)).toBe(60_000);
  });
});
