import { QueryClient } from '@tanstack/react-query';
import { isDataError } from '../data/data-error';

/** Retry what may heal (network, 5xx, 429) with backoff; never hammer a source that said the data is wrong. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < 3 && (!isDataError(error) || error.retryable),
        retryDelay: (attempt, error) => {
          const asked = isDataError(error) ? error.retryAfterSeconds : undefined;
          return asked !== undefined ? asked * 1000 : Math.min(30_000, 1000 * 2 ** attempt);
        },
        refetchOnWindowFocus: false,
        structuralSharing: false,
      },
    },
  });
}
