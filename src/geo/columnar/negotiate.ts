import { columnarMediaType } from './points-columnar';

/**
 * Server-side content negotiation for the point layers: true when the request's Accept header names the columnar
 * media type with a quality above zero and at least that of JSON. GeoJSON stays the default: no Accept, `*\/*`,
 * or JSON preferred all answer JSON, so clients that never heard of the binary format are unaffected.
 */
export function acceptsColumnar(accept: string | null): boolean {
  if (!accept) return false;
  let columnar = 0;
  let json = 0;
  for (const part of accept.split(',')) {
    const [type = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const qParameter = parameters.find((parameter) => parameter.startsWith('q='));
    const quality = qParameter ? Number(qParameter.slice(2)) : 1;
    if (!Number.isFinite(quality)) continue;
    if (type === columnarMediaType) columnar = Math.max(columnar, quality);
    else if (type === 'application/json' || type === 'application/geo+json') json = Math.max(json, quality);
  }
  return columnar > 0 && columnar >= json;
}
