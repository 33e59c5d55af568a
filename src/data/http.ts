import type { z } from 'zod';
import type { LayerKind } from '../domain/runtime-config';
import { DataError } from './data-error';
import { schemaIssueDetail } from './schema-issue';

export interface HttpSource {
  layer: LayerKind;
  /** Absolute or same-origin URL, without credentials. */
  url: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** The URL as it may appear in a message: path only, never a query string that could carry a token. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url, 'http://localhost');
    return parsed.pathname;
  } catch {
    return '(invalid URL)';
  }
}

function retryAfterOf(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, (date - Date.now()) / 1000) : undefined;
}

/**
 * JSON by its content type, or text/plain (servers that label JSON as text are common and harmless). Anything
 * else declared (HTML, XML, CSV, a binary) is not what the layer asked for, whatever the body looks like.
 */
const acceptsAsJson = (contentType: string): boolean => /json|^\s*text\/plain/i.test(contentType);

/** Fetch a JSON document and parse it with a zod schema; every failure becomes a DataError naming the layer. */
export async function fetchJson<T>(source: HttpSource, schema: z.ZodType<T>): Promise<T> {
  return readJson(source, await send(source, 'application/json'), schema);
}

/**
 * Content negotiation: ask for `binaryType` first and JSON second. A server that knows the binary type answers
 * with its bytes; one that does not (the contract's default) answers JSON, parsed with `schema` as `fetchJson`
 * would. Either way every failure is a DataError naming the layer.
 */
export async function fetchNegotiated<T>(
  source: HttpSource,
  binaryType: string,
  schema: z.ZodType<T>,
): Promise<{ kind: 'binary'; body: ArrayBuffer } | { kind: 'json'; body: T }> {
  const response = await send(source, `${binaryType}, application/json;q=0.5`);
  const type = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== binaryType) return { kind: 'json', body: await readJson(source, response, schema) };
  try {
    return { kind: 'binary', body: await response.arrayBuffer() };
  } catch (error) {
    if (source.signal?.aborted) throw error;
    throw new DataError(source.layer, 'network', `the answer from ${describeUrl(source.url)} broke off`);
  }
}

/** The request itself: the time limit, the caller's signal, and network or HTTP failures as DataErrors. */
async function send(source: HttpSource, accept: string): Promise<Response> {
  const { layer } = source;
  const timeout = AbortSignal.timeout(source.timeoutMs ?? 30_000);
  const signal = source.signal ? AbortSignal.any([source.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(source.url, {
      headers: { Accept: accept, ...source.headers },
      signal,
    });
  } catch (error) {
    if (timeout.aborted)
      throw new DataError(layer, 'timeout', `no answer from ${describeUrl(source.url)} in time`);
    if (source.signal?.aborted) throw error;
    throw new DataError(layer, 'network', `cannot reach ${describeUrl(source.url)}`);
  }
  if (!response.ok) {
    throw new DataError(
      layer,
      'http',
      `HTTP ${response.status} from ${describeUrl(source.url)}`,
      response.status,
      retryAfterOf(response),
    );
  }
  return response;
}

async function readJson<T>(source: HttpSource, response: Response, schema: z.ZodType<T>): Promise<T> {
  const { layer } = source;
  const contentType = response.headers.get('content-type');
  if (contentType !== null && !acceptsAsJson(contentType)) {
    const type = contentType.split(';')[0]?.trim() ?? contentType;
    // A proxy's HTML error page says 200 too; its content type gives it away before the body is read.
    if (type === 'text/html')
      throw new DataError(
        layer,
        'format',
        `${describeUrl(source.url)} returned an HTML page, not JSON`,
        response.status,
        undefined,
        {
          code: 'html',
        },
      );
    throw new DataError(
      layer,
      'format',
      `${describeUrl(source.url)} returned ${type}, not JSON`,
      response.status,
      undefined,
      {
        code: 'content-type',
        contentType: type.slice(0, 60),
      },
    );
  }
  const text = await response.text();
  if (text.trim() === '')
    throw new DataError(
      layer,
      'format',
      `empty response from ${describeUrl(source.url)}`,
      response.status,
      undefined,
      {
        code: 'empty',
      },
    );
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const looksLikeHtml = /^\s*</.test(text);
    throw new DataError(
      layer,
      'format',
      looksLikeHtml
        ? `${describeUrl(source.url)} returned an HTML page, not JSON`
        : `${describeUrl(source.url)} returned malformed JSON`,
      response.status,
      undefined,
      { code: looksLikeHtml ? 'html' : 'malformed-json' },
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new DataError(
      layer,
      'schema',
      `unexpected data${where}: ${issue?.message ?? 'invalid'}`,
      response.status,
      undefined,
      schemaIssueDetail(issue, body),
    );
  }
  return parsed.data;
}
