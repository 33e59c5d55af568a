import { QueryClient } from '@tanstack/react-query';
import { recoveringInterval, type RecoveryMeta } from '../data/layer-failure';

/**
 * One policy for every read: a failed read is not retried inside the fetch (that kept the layer "loading" with no
 * alert for seconds), it fails at once with its alert, and TanStack Query's refetch interval asks the source again
 * after a backoff with a cap (the configured refresh interval) and jitter (src/data/layer-failure.ts) until a read
 * succeeds. Queries that poll anyway pass their own interval through `recoveringInterval`.
 */
export function createQueryClient(refreshSeconds = 60): QueryClient {
  const meta: RecoveryMeta = { recoveryCapMs: refreshSeconds * 1000 };
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        meta,
        refetchInterval: recoveringInterval(false),
        refetchIntervalInBackground: true,
        refetchOnWindowFocus: false,
        structuralSharing: false,
      },
    },
  });
}
