import { DataError } from '../../data-error';
import { readAdapterOptions } from '../adapter-options';
import { fetchJson } from '../../http';
import type { ResolvedSource } from '../../provider';
import type { AdapterCall } from '../adapter';
import { absoluteUrl } from '../http-body';
import type { FeatureLayer } from '../layer-specs';
import { ogcCollectionsSchema, ogcOptionsSchema, type OgcCollection, type OgcOptions } from './ogc.schema';

/** The landing page's URL without a trailing slash (or stray spaces), made absolute for same-origin paths. */
export function baseUrlOf(source: ResolvedSource): string {
  const base = absoluteUrl(source.url).href;
  return base.replace(/\/+$/, '');
}

export function readOgcOptions(
  layer: FeatureLayer,
  options: Record<string, unknown> | undefined,
): OgcOptions {
  return readAdapterOptions(ogcOptionsSchema, layer, options);
}

/** Discovery is one request per server, shared by every layer it serves; a failed one is forgotten. */
const discovered = new Map<string, Promise<OgcCollection[]>>();

function collectionsOf(call: AdapterCall, layer: FeatureLayer): Promise<OgcCollection[]> {
  const url = `${baseUrlOf(call.source)}/collections`;
  const known = discovered.get(url);
  if (known) return known;
  // Not tied to one caller's signal: the answer is shared, and one view closing must not fail another's load.
  const pending = fetchJson({ layer, url, headers: call.source.headers }, ogcCollectionsSchema).then(
    (body) => body.collections,
  );
  discovered.set(url, pending);
  pending.catch(() => discovered.delete(url));
  return pending;
}

/** The layer's collection as the server lists it; a missing one is a configuration error that names the choices. */
export async function collectionOf(
  call: AdapterCall,
  layer: FeatureLayer,
  options: OgcOptions,
): Promise<OgcCollection> {
  const wanted = options.collection ?? layer;
  const collections = await collectionsOf(call, layer);
  const found = collections.find((collection) => collection.id === wanted);
  if (found) return found;
  const names = collections.map((collection) => collection.id).join(', ') || 'none';
  throw new DataError(layer, 'config', `collection "${wanted}" is not on the server (it has: ${names})`);
}
