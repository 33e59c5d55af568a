import type { z } from 'zod';
import type { LayerKind } from '../domain/runtime-config';
import { DataError } from './data-error';
import { describeUrl } from './describe-url';
import { parseJsonBody } from './json-body';
import { serverMessageOf } from './server-message';
import type { PartialLayer } from './partial-layer';

export interface HttpSource {
  layer: LayerKind;
  /** Absolute or same-origin URL, without credentials. */
  url: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export { describeUrl };

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
export async function fetchJson<T>(source: HttpSource, schema: z.ZodType<T>): Promise<T & PartialLayer> {
  return readJson(source, await fetchOk(source, 'application/json'), schema);
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
): Promise<{ kind: 'binary'; body: ArrayBuffer } | { kind: 'json'; body: T & PartialLayer }> {
  const response = await fetchOk(source, `${binaryType}, application/json;q=0.5`);
  const type = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== binaryType) return { kind: 'json', body: await readJson(source, response, schema) };
  try {
    return { kind: 'binary', body: await response.arrayBuffer() };
  } catch (error) {
    if (source.signal?.aborted) throw error;
    throw new DataError(source.layer, 'network', `the answer from ${describeUrl(source.url)} broke off`);
  }
}

/**
 * The request itself: the time limit, the caller's signal, and network or HTTP failures as DataErrors. Every
 * adapter's request goes through here (src/data/adapters/http-body.ts for text and bytes).
 */
export async function fetchOk(source: HttpSource, accept: string): Promise<Response> {
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
      undefined,
      await serverWords(source, response),
    );
  }
  return response;
}

/** The error answer's own message, with the request's credentials blanked out; nothing when it cannot be read. */
async function serverWords(source: HttpSource, response: Response): Promise<string | undefined> {
  try {
    const secrets = Object.values(source.headers ?? {}).flatMap((value) => [value, ...value.split(/\s+/)]);
    return serverMessageOf(await response.text(), response.headers.get('content-type'), secrets);
  } catch {
    // A body that breaks off (or outlasts the time limit) leaves the status to speak alone.
    return undefined;
  }
}

async function readJson<T>(
  source: HttpSource,
  response: Response,
  schema: z.ZodType<T>,
): Promise<T & PartialLayer> {
  checkJsonContentType(source, response);
  return parseJsonBody(source, response.status, await response.text(), schema);
}

/**
 * Fetch a JSON document as bytes, its content type checked as `fetchJson` checks it, for a caller that parses and
 * validates it elsewhere (a worker, `parseJsonBody` there) with the same errors.
 */
export async function fetchJsonBytes(source: HttpSource): Promise<{ bytes: ArrayBuffer; status: number }> {
  const response = await fetchOk(source, 'application/json');
  checkJsonContentType(source, response);
  return { bytes: await response.arrayBuffer(), status: response.status };
}

function checkJsonContentType(source: HttpSource, response: Response): void {
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
}
