import { DataError } from '../data-error';
import { describeUrl, fetchJson, fetchOk, type HttpSource } from '../http';

/**
 * Fetching for adapters whose peers send more than clean JSON: files (CSV, KML, zipped Shapefile) and Open311
 * servers whose JSON needs a repair before it parses (parse and check with src/data/json-body.ts). Every failure is
 * a DataError naming the layer, with the URL's path only, so a token that a careless server echoes into a query
 * string never reaches a message.
 */
export { fetchJson };

/** A configured URL made absolute (same-origin paths such as `/ogc` are allowed in the config), trimmed. */
export function absoluteUrl(url: string): URL {
  const origin = typeof location === 'undefined' ? 'http://localhost/' : location.href;
  return new URL(url.trim(), origin);
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
