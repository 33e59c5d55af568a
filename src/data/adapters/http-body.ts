import type { z } from 'zod';
import type { LayerKind } from '../../domain/runtime-config';
import { DataError } from '../data-error';
import { describeUrl, fetchJson, type HttpSource } from '../http';

/**
 * Fetching for adapters whose peers send more than clean JSON: files (CSV, KML, zipped Shapefile) and Open311
 * servers whose JSON needs a repair before it parses. Every failure is a DataError naming the layer, with the URL's
 * path only, so a token that a careless server echoes into a query string never reaches a message.
 */
export { fetchJson };

/** A configured URL made absolute (same-origin paths such as `/ogc` are allowed in the config), trimmed. */
export function absoluteUrl(url: string): URL {
  const origin = typeof location === 'undefined' ? 'http://localhost/' : location.href;
  return new URL(url.trim(), origin);
}

/** The response of a successful request, for adapters that must read its content type (WFS: XML or JSON). */
export async function fetchOk(source: HttpSource, accept: string): Promise<Response> {
  const timeout = AbortSignal.timeout(source.timeoutMs ?? 30_000);
  const signal = source.signal ? AbortSignal.any([source.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(source.url, { headers: { Accept: accept, ...source.headers }, signal });
  } catch (error) {
    if (timeout.aborted)
      throw new DataError(source.layer, 'timeout', `no answer from ${describeUrl(source.url)} in time`);
    if (source.signal?.aborted) throw error;
    throw new DataError(source.layer, 'network', `cannot reach ${describeUrl(source.url)}`);
  }
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
    throw new DataError(
      source.layer,
      'http',
      `HTTP ${response.status} from ${describeUrl(source.url)}`,
      response.status,
      Number.isFinite(retryAfter) ? retryAfter : undefined,
    );
  }
  return response;
}

export async function fetchText(source: HttpSource, accept = '*/*'): Promise<string> {
  const text = await (await fetchOk(source, accept)).text();
  if (text.trim() === '')
    throw new DataError(source.layer, 'format', `empty response from ${describeUrl(source.url)}`);
  return text;
}

export async function fetchBytes(source: HttpSource): Promise<ArrayBuffer> {
  return (await fetchOk(source, '*/*')).arrayBuffer();
}

/** Parse JSON text; `repair` gets one chance to fix a known server quirk before the error is reported. */
export function parseJsonText(
  layer: LayerKind,
  url: string,
  text: string,
  repair?: (text: string) => string,
): unknown {
  try {
    return JSON.parse(text);
  } catch {
    if (repair) {
      try {
        return JSON.parse(repair(text));
      } catch {
        // Fall through to the same report as unrepairable text.
      }
    }
    const looksLikeHtml = /^\s*</.test(text);
    throw new DataError(
      layer,
      'format',
      looksLikeHtml
        ? `${describeUrl(url)} returned an HTML page, not JSON`
        : `${describeUrl(url)} returned malformed JSON`,
    );
  }
}

/** Parse with a zod schema; the first issue becomes a DataError of kind 'schema' with its path. */
export function parseWith<T>(layer: LayerKind, schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new DataError(layer, 'schema', `unexpected ${what}${where}: ${issue?.message ?? 'invalid'}`);
}
