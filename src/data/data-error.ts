import type { LayerKind } from '../domain/runtime-config';

/**
 * A typed failure of one layer's source. Adapters return these instead of throwing strings, so the UI can name
 * the layer and the reason in its alert and decide whether to retry.
 */
export type DataErrorKind = 'network' | 'timeout' | 'http' | 'format' | 'schema' | 'config';

export class DataError extends Error {
  override readonly name = 'DataError';
  constructor(
    readonly layer: LayerKind,
    readonly kind: DataErrorKind,
    /** Human-readable reason, already free of credentials and query strings. */
    readonly reason: string,
    readonly status?: number,
    /** Seconds the server asked us to wait (Retry-After), when it said so. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`${layer}: ${reason}`);
  }

  /** Client errors other than 408/429 won't heal by retrying the same request. */
  get retryable(): boolean {
    if (this.kind === 'schema' || this.kind === 'format' || this.kind === 'config') return false;
    if (this.status === undefined) return true;
    return this.status >= 500 || this.status === 408 || this.status === 429;
  }
}

export const isDataError = (error: unknown): error is DataError => error instanceof DataError;
