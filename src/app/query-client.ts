import { QueryCache, QueryClient, type Query } from '@tanstack/react-query';
import { isDataError } from '../data/data-error';

/**
 * How long a failed layer waits before it tries its source again on its own: what the server asked for
 * (Retry-After), else a backoff from 1 s that doubles with each consecutive failure up to `capMs` (the
 * configured refresh interval). Failures of every kind heal this way, bad data included: a source that sent
 * malformed data may send good data on the next try, and one request per refresh interval hammers nobody.
 */
export function recoveryDelayMs(error: unknown, consecutiveFailures: number, capMs: number): number {
  const asked = isDataError(error) ? error.retryAfterSeconds : undefined;
  if (asked !== undefined) return Math.max(1000, asked * 1000);
  const exponent = Math.min(Math.max(consecutiveFailures - 1, 0), 16);
  return Math.min(capMs, 1000 * 2 ** exponent);
}

/** Retry what may heal (network, 5xx, 429) with backoff; never hammer a source that said the data is wrong. */
export function createQueryClient(refreshSeconds = 60): QueryClient {
  const capMs = refreshSeconds * 1000;
  // Failed fetches in a row per query (each after its own retries), so the recovery backs off while it lasts.
  const failedInARow = new Map<string, number>();
  const queryCache = new QueryCache({
    onError: (_error, query) =>
      failedInARow.set(query.queryHash, (failedInARow.get(query.queryHash) ?? 0) + 1),
    onSuccess: (_data, query) => failedInARow.delete(query.queryHash),
  });
  return new QueryClient({
    queryCache,
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < 3 && (!isDataError(error) || error.retryable),
        retryDelay: (attempt, error) => {
          const asked = isDataError(error) ? error.retryAfterSeconds : undefined;
          return asked !== undefined ? asked * 1000 : Math.min(30_000, 1000 * 2 ** attempt);
        },
        // Automatic recovery: a layer in error polls its source until it answers well again (queries that poll
        // anyway set their own interval). Healthy layers are left alone.
        refetchInterval: (query: Query) =>
          query.state.status === 'error'
            ? recoveryDelayMs(query.state.error, failedInARow.get(query.queryHash) ?? 1, capMs)
            : false,
        refetchIntervalInBackground: true,
        refetchOnWindowFocus: false,
        structuralSharing: false,
      },
    },
  });
}
