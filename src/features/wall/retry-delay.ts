/**
 * How long the wall waits before asking a failing source again: doubling from two seconds up to two minutes, or
 * what the server asked for (Retry-After). A wall retries for ever (it has no one to press "retry"), so the
 * backoff is what keeps a dozen walls from hammering a source that is already down.
 */
export const firstRetryMs = 2_000;
export const maximumRetryMs = 120_000;

export function retryDelayMs(failures: number, retryAfterSeconds?: number): number {
  if (retryAfterSeconds !== undefined && Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0) {
    return Math.min(maximumRetryMs, retryAfterSeconds * 1000);
  }
  const exponent = Math.max(0, failures - 1);
  return Math.min(maximumRetryMs, firstRetryMs * 2 ** exponent);
}
