import { useQueryClient, type Query, type QueryKey } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { isDataError } from './data-error';

/**
 * A layer that is failing, from its first failed read until its next good one. TanStack Query forgets a failed
 * query's error while it tries again when no data was ever loaded (the query goes back to `pending`), which made
 * the alert vanish during every retry; this record is what the alert and the wall's stale badge read instead, so
 * they stay on screen through every retry and go only after a success.
 */
export interface LayerFailure {
  /** The last failure (a DataError for every adapter). */
  error: unknown;
  /** When it was seen (the query's errorUpdatedAt). */
  failedAt: number;
  /** Failed reads in a row, this one included. */
  failures: number;
  /** When the next read starts on its own (TanStack Query's refetchInterval, set from the same record). */
  retryAt: number;
  /** The last good answer's time, null when the layer never loaded. */
  lastSuccessAt: number | null;
}

/** The recovery's ceiling, carried on every query's meta (the configured refresh interval). */
export interface RecoveryMeta extends Record<string, unknown> {
  recoveryCapMs: number;
}

const defaultCapMs = 60_000;
const records = new WeakMap<object, LayerFailure>();

/** Any query, whatever its data and error types. */
type AnyQuery<D, E, Q, K extends QueryKey> = Query<D, E, Q, K>;

/**
 * How long to wait before the next read: what the server asked for (Retry-After), else 1 s doubling with each
 * failure in a row up to the cap (the refresh interval). Failures of every kind heal this way, bad data included:
 * a source that sent a broken document may send a good one next, and one read per refresh interval hammers
 * nobody. Jitter takes up to a quarter off, so a dozen walls that lost the same source do not come back in step.
 */
export function recoveryDelayMs(error: unknown, failures: number, capMs: number, jitter: number): number {
  const asked = isDataError(error) ? error.retryAfterSeconds : undefined;
  if (asked !== undefined) return Math.max(1000, asked * 1000);
  const exponent = Math.min(Math.max(failures - 1, 0), 16);
  const base = Math.min(capMs, 1000 * 2 ** exponent);
  return Math.max(1000, Math.round(base * (1 - 0.25 * jitter)));
}

const capOf = <D, E, Q, K extends QueryKey>(query: AnyQuery<D, E, Q, K>): number => {
  const cap = query.options.meta?.recoveryCapMs;
  return typeof cap === 'number' && cap > 0 ? cap : defaultCapMs;
};

/**
 * The failure a query is in, or undefined once it has succeeded. One record per failed read (keyed by the
 * failure's time), kept through the retry that follows, so every reader sees the same retry time.
 */
export function failureOf<D, E, Q, K extends QueryKey>(
  query: AnyQuery<D, E, Q, K>,
  random: () => number = Math.random,
): LayerFailure | undefined {
  const { state } = query;
  const known = records.get(query);
  if (state.status === 'success') {
    if (known) records.delete(query);
    return undefined;
  }
  if (state.status !== 'error' || state.error === null) return known;
  if (known && known.failedAt === state.errorUpdatedAt) return known;
  const failures = (known?.failures ?? 0) + 1;
  const delay = recoveryDelayMs(state.error, failures, capOf(query), random());
  const record: LayerFailure = {
    error: state.error,
    failedAt: state.errorUpdatedAt,
    failures,
    retryAt: state.errorUpdatedAt + delay,
    lastSuccessAt: state.dataUpdatedAt > 0 ? state.dataUpdatedAt : null,
  };
  records.set(query, record);
  return record;
}

/**
 * The refetch interval of a query: while it fails, the time left until its record's retry (TanStack Query
 * schedules the read); otherwise `pollMs` (false: no polling). Never during a read, so one page is never asked
 * for twice at once.
 */
export function recoveringInterval(pollMs: number | false) {
  return <D, E, Q, K extends QueryKey>(query: AnyQuery<D, E, Q, K>): number | false => {
    const failure = failureOf(query);
    if (!failure) return pollMs;
    if (query.state.fetchStatus !== 'idle') return false;
    return Math.max(250, failure.retryAt - Date.now());
  };
}

/** The failure of the query under `queryKey`, kept current (undefined while it is healthy or not there). */
export function useLayerFailure(queryKey: QueryKey, enabled = true): LayerFailure | undefined {
  const cache = useQueryClient().getQueryCache();
  const subscribe = useCallback((notify: () => void) => cache.subscribe(notify), [cache]);
  const read = () => {
    if (!enabled) return undefined;
    const query = cache.find({ queryKey, exact: true });
    return query ? failureOf(query) : undefined;
  };
  return useSyncExternalStore(subscribe, read, read);
}
