import { isDataError } from '../../data-error';
import { fetchJson } from '../../http';
import type { AdapterCall } from '../adapter';
import type { FeatureLayer } from '../layer-specs';
import { baseUrlOf } from './ogc-collections';
import { ogcApiDocumentSchema } from './ogc.schema';

/**
 * A server's largest `limit`, for servers that refuse a larger one with 400 instead of clamping it (MapServer
 * clamps; others answer "limit must be between 1 and 500"). Read from the server's own words when they name the
 * range, else from its OpenAPI document (`/api`, the `limit` parameter's `maximum`); remembered per server.
 */
const known = new Map<string, number>();

/** "between 1 and 500", "maximum 500", "max=500", "<= 500", "not exceed 500", "最大 500". */
export function maximumNamedIn(message: string | undefined): number | undefined {
  if (message === undefined || !/limit/i.test(message)) return undefined;
  const patterns = [
    /between\s+\d+\s+and\s+(\d+)/i,
    /(?:maximum|max(?:imum)?\s*(?:is|of|=|:)?|at most|not\s+exceed|<=|≤|最大(?:值)?(?:为|是)?)\s*(\d+)/i,
    /\[\s*\d+\s*,\s*(\d+)\s*\]/,
  ];
  for (const pattern of patterns) {
    const found = pattern.exec(message)?.[1];
    if (found !== undefined) return Number(found);
  }
  return undefined;
}

async function maximumInApiDocument(call: AdapterCall, layer: FeatureLayer): Promise<number | undefined> {
  try {
    const document = await fetchJson(
      {
        layer,
        url: `${baseUrlOf(call.source)}/api?f=json`,
        headers: call.source.headers,
        ...(call.signal && { signal: call.signal }),
      },
      ogcApiDocumentSchema,
    );
    const parameters = Object.values(document.components?.parameters ?? {});
    return parameters.find((parameter) => parameter.name === 'limit')?.schema?.maximum;
  } catch {
    return undefined;
  }
}

/** The limit to ask for: the configured one, or below what the server has said it allows. */
export const limitFor = (call: AdapterCall, configured: number): number =>
  Math.min(configured, known.get(baseUrlOf(call.source)) ?? configured);

/**
 * After a failed first page: the server's maximum when the failure was a 400 and a maximum below `asked` can be
 * found (it is then remembered); undefined when the failure was something else.
 */
export async function lowerLimitAfter(
  error: unknown,
  call: AdapterCall,
  layer: FeatureLayer,
  asked: number,
): Promise<number | undefined> {
  if (!isDataError(error) || error.status !== 400) return undefined;
  const maximum = maximumNamedIn(error.serverMessage) ?? (await maximumInApiDocument(call, layer));
  if (maximum === undefined || !Number.isInteger(maximum) || maximum < 1 || maximum >= asked)
    return undefined;
  known.set(baseUrlOf(call.source), maximum);
  return maximum;
}
