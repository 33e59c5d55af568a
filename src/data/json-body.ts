import type { z } from 'zod';
import type { LayerKind } from '../domain/runtime-config';
import { DataError } from './data-error';
import { describeUrl } from './describe-url';
import { schemaIssueDetail } from './schema-issue';

/**
 * A JSON answer's text parsed and checked with a zod schema; an empty body, malformed JSON or data the schema
 * refuses becomes a DataError naming the layer (and, for data, the feature and field). Free of fetch and of the
 * DOM, so the JSON validation worker (src/data/json-worker) throws exactly what the main thread would.
 */
export function parseJsonBody<T>(
  source: { layer: LayerKind; url: string },
  status: number,
  text: string,
  schema: z.ZodType<T>,
): T {
  const { layer } = source;
  if (text.trim() === '')
    throw new DataError(
      layer,
      'format',
      `empty response from ${describeUrl(source.url)}`,
      status,
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
      status,
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
      status,
      undefined,
      schemaIssueDetail(issue, body),
    );
  }
  return parsed.data;
}
