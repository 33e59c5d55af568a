import type { z } from 'zod';
import type { LayerKind } from '../domain/runtime-config';
import { DataError } from './data-error';
import { describeUrl } from './describe-url';
import { checkFeatures, type PartialLayer } from './partial-layer';
import { schemaIssueDetail } from './schema-issue';

/**
 * The one home of "what is wrong with this answer's body": empty, an HTML page, malformed JSON, or data the
 * contract's schema refuses, each a DataError naming the layer (and, for data, the feature and field). Free of
 * fetch and of the DOM, so the JSON validation worker (src/data/json-worker) throws exactly what the main thread
 * would, and every adapter (rest, OGC, files, Open311) reports the same problem the same way.
 */

/** JSON text parsed; `repair` gets one chance to fix a known server quirk before the error is reported. */
export function parseJsonText(
  source: { layer: LayerKind; url: string },
  text: string,
  options: { status?: number; repair?: (text: string) => string } = {},
): unknown {
  const { layer, url } = source;
  const { status } = options;
  if (text.trim() === '')
    throw new DataError(layer, 'format', `empty response from ${describeUrl(url)}`, status, undefined, {
      code: 'empty',
    });
  try {
    return JSON.parse(text);
  } catch {
    if (options.repair) {
      try {
        return JSON.parse(options.repair(text));
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
      status,
      undefined,
      { code: looksLikeHtml ? 'html' : 'malformed-json' },
    );
  }
}

/**
 * A parsed body checked with a zod schema. Features the schema refuses are left out and listed in `skipped`
 * (src/data/partial-layer.ts); anything wrong outside a feature refuses the body with a DataError of kind
 * 'schema' naming the layer, the place and the problem. `what` names the body in the technical reason.
 */
export function checkBody<T>(
  layer: LayerKind,
  schema: z.ZodType<T>,
  body: unknown,
  options: { status?: number; what?: string } = {},
): T & PartialLayer {
  const checked = checkFeatures(schema, body);
  if (checked.ok) return checked.data;
  const { issue } = checked;
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new DataError(
    layer,
    'schema',
    `unexpected ${options.what ?? 'data'}${where}: ${issue?.message ?? 'invalid'}`,
    options.status,
    undefined,
    schemaIssueDetail(issue, body),
  );
}

/** A JSON answer's text parsed and checked: `parseJsonText`, then `checkBody`. */
export function parseJsonBody<T>(
  source: { layer: LayerKind; url: string },
  status: number,
  text: string,
  schema: z.ZodType<T>,
): T & PartialLayer {
  return checkBody(source.layer, schema, parseJsonText(source, text, { status }), { status });
}
