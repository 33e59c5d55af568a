import type { LayerKind } from '../../../domain/runtime-config';
import { DataError } from '../../data-error';
import { readAdapterOptions } from '../adapter-options';
import { z } from 'zod';
import { describeUrl, fetchJson, type HttpSource } from '../../http';
import type { ResolvedSource } from '../../provider';
import type { AdapterCall } from '../adapter';
import { checkBody } from '../../json-body';
import { absoluteUrl } from '../http-body';
import {
  arcgisErrorSchema,
  arcgisLayerSchema,
  arcgisOptionsSchema,
  type ArcgisLayer,
  type ArcgisOptions,
} from './arcgis.schema';

export function readArcgisOptions(
  layer: LayerKind,
  options: Record<string, unknown> | undefined,
): ArcgisOptions {
  return readAdapterOptions(arcgisOptionsSchema, layer, options);
}

/**
 * The configured layer URL (`…/FeatureServer/0` or `…/MapServer/3`), checked: a service URL without the layer's
 * number is the commonest mistake, and the server would answer it with a service document, not a layer.
 */
export function layerUrlOf(source: ResolvedSource, layer: LayerKind): URL {
  const url = absoluteUrl(source.url);
  url.pathname = url.pathname.replace(/\/+$/, '');
  if (!/\/(FeatureServer|MapServer)\/\d+$/i.test(url.pathname))
    throw new DataError(
      layer,
      'config',
      `sources.${layer}.url must name one layer, like …/FeatureServer/0 (got ${describeUrl(url.href)})`,
    );
  return url;
}

/** The layer's description (`?f=json`), once per layer URL; a failed one is forgotten. */
const described = new Map<string, Promise<ArcgisLayer>>();

export function layerOf(call: AdapterCall, layer: LayerKind): Promise<ArcgisLayer> {
  const url = layerUrlOf(call.source, layer);
  url.searchParams.set('f', 'json');
  const known = described.get(url.href);
  if (known) return known;
  const pending = fetchArcgis({ layer, url: url.href, headers: call.source.headers }, arcgisLayerSchema);
  described.set(url.href, pending);
  pending.catch(() => described.delete(url.href));
  return pending;
}

/**
 * An ArcGIS REST answer: ArcGIS Server reports errors (a bad token, a bad `where`) with HTTP 200 and an `error`
 * member, which becomes the DataError its code says (498/499 token, 400 request) instead of an empty layer.
 */
export async function fetchArcgis<T>(source: HttpSource, schema: z.ZodType<T>): Promise<T> {
  const body = await fetchJson(source, z.unknown());
  const failed = arcgisErrorSchema.safeParse(body);
  if (failed.success) {
    const { code, message } = failed.data.error;
    throw new DataError(
      source.layer,
      'http',
      `ArcGIS error ${code ?? ''} from ${describeUrl(source.url)}: ${(message ?? 'no message').slice(0, 200)}`,
      code,
    );
  }
  return checkBody(source.layer, schema, body, { what: 'ArcGIS answer' });
}
