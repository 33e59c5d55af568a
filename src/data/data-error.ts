import type { SchemaProblem } from '../contract/schema-problem';
import type { LayerKind } from '../domain/runtime-config';

/**
 * A typed failure of one layer's source. Adapters return these instead of throwing strings, so the UI can name
 * the layer and the reason in its alert and decide whether to retry.
 */
export type DataErrorKind = 'network' | 'timeout' | 'http' | 'format' | 'schema' | 'config';

/**
 * What exactly was wrong, for the alert's wording in the UI language (src/ui/failure-text.ts). `reason` stays the
 * technical English text for logs; `detail` is what a translation can be built from.
 */
export type DataErrorDetail =
  | { code: 'empty' | 'html' | 'malformed-json' }
  | { code: 'content-type'; contentType: string }
  | {
      code: 'invalid-data';
      /** The kind of problem: a missing or wrongly typed field, an unknown value, a number out of range… */
      problem: SchemaProblem;
      /** 1-based position of the offending feature, when the problem is inside one. */
      featureNumber?: number;
      featureId?: string;
      /** The field's path inside the feature (or the document), dot-separated. */
      field: string;
    }
  | {
      /** A page's `next` link names a host that is neither the source's nor allowed in the configuration. */
      code: 'foreign-next';
      nextHost: string;
      sourceHost: string;
    }
  | {
      /** More of the layer was invalid than `maxInvalidShare` allows: the whole layer fails. */
      code: 'mostly-invalid';
      invalid: number;
      total: number;
      /** The first invalid feature's problem and field, as an example of what is wrong. */
      problem: SchemaProblem;
      field: string;
    };

export type { SchemaProblem };

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
    readonly detail?: DataErrorDetail,
    /** The server's own words from its error answer (src/data/server-message.ts), plain text. */
    readonly serverMessage?: string,
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
