import { fetchJson } from '../../http';
import type { Bbox } from '../../provider';
import type { Meta } from '../../../contract/schemas/contract.schema';
import type { AdapterCall, ProviderAdapter } from '../adapter';
import { extentOf, keepInBbox } from '../feature-bbox';
import { readMapping, toLayerCollection } from '../feature-mapping';
import { filterCases } from '../case-query';
import type { FeatureLayer, LayerCollections } from '../layer-specs';
import { readOgcOptions, baseUrlOf, collectionOf } from './ogc-collections';
import { readAllItems } from './ogc-items';
import { limitFor, lowerLimitAfter } from './ogc-limit';
import { ogcLandingSchema } from './ogc.schema';
import { synthesizedMeta } from '../synthesized-meta';

/**
 * OGC API – Features Part 1 for any feature layer: the collection is discovered under `/collections`, its items
 * are read with `bbox`, `datetime` and `limit`, and every page is followed through `next`. Coordinates are CRS84
 * (longitude, latitude), the Part 1 default, so no CRS is requested. Filters are applied again on the client,
 * because servers may drop them on later pages or accept and ignore them (MapServer does both).
 */
async function readLayer<L extends FeatureLayer>(
  call: AdapterCall,
  layer: L,
  params: { bbox?: Bbox; datetime?: string },
): Promise<LayerCollections[L]> {
  const options = readOgcOptions(layer, call.source.options);
  const mapping = readMapping(layer, call.source.options);
  const collection = await collectionOf(call, layer, options);
  const url = new URL(`${baseUrlOf(call.source)}/collections/${encodeURIComponent(collection.id)}/items`);
  const limit = limitFor(call, options.limit);
  url.searchParams.set('limit', String(limit));
  if (params.bbox) url.searchParams.set('bbox', params.bbox.join(','));
  if (params.datetime) url.searchParams.set('datetime', params.datetime);
  const allowed = { allowedOrigins: options.allowedOrigins };
  try {
    return toLayerCollection(
      layer,
      await readAllItems(call, layer, url.href, options.maxFeatures, allowed),
      mapping,
    );
  } catch (error) {
    // A server that refuses a `limit` above its maximum (400): asked again once, below it.
    const lower = await lowerLimitAfter(error, call, layer, limit);
    if (lower === undefined) throw error;
    url.searchParams.set('limit', String(lower));
    return toLayerCollection(
      layer,
      await readAllItems(call, layer, url.href, options.maxFeatures, allowed),
      mapping,
    );
  }
}

function withBbox<
  T extends { features: readonly { geometry: Parameters<typeof keepInBbox>[0][number]['geometry'] }[] },
>(collection: T, bbox: Bbox | undefined): T {
  return { ...collection, features: keepInBbox(collection.features, bbox) };
}

async function ogcMeta(call: AdapterCall): Promise<Meta> {
  const { source } = call;
  const options = readOgcOptions('regions', source.options);
  const landing = await fetchJson(
    {
      layer: 'regions',
      url: `${baseUrlOf(source)}/`,
      headers: source.headers,
      ...(call.signal && { signal: call.signal }),
    },
    ogcLandingSchema,
  );
  const collection = await collectionOf(call, 'regions', options);
  const declared = collection.extent?.spatial?.bbox?.[0];
  const bbox =
    declared && declared.length >= 4
      ? ([
          declared[0],
          declared[1],
          declared[declared.length / 2],
          declared[declared.length / 2 + 1],
        ] as const)
      : extentOf((await readLayer(call, 'regions', {})).features);
  const [west = 0, south = 0, east = 0, north = 0] = bbox;
  const name = options.name ?? landing.title ?? collection.title ?? collection.id;
  return synthesizedMeta(name, options.city, [west, south, east, north]);
}

export const ogcAdapter: ProviderAdapter = {
  kind: 'ogc',
  meta: ogcMeta,
  regions: (call) => readLayer(call, 'regions', {}),
  grids: async (call, query) => {
    const grids = withBbox(
      await readLayer(call, 'grids', query.bbox ? { bbox: query.bbox } : {}),
      query.bbox,
    );
    if (query.community === undefined) return grids;
    return {
      ...grids,
      features: grids.features.filter((grid) => grid.properties.communityId === query.community),
    };
  },
  cameras: async (call, query) =>
    withBbox(await readLayer(call, 'cameras', query.bbox ? { bbox: query.bbox } : {}), query.bbox),
  stations: (call) => readLayer(call, 'stations', {}),
  cases: async (call, query) => {
    const cases = await readLayer(call, 'cases', {
      ...(query.bbox && { bbox: query.bbox }),
      datetime: `${new Date(query.from).toISOString()}/${new Date(query.to).toISOString()}`,
    });
    return filterCases(cases, query);
  },
};
