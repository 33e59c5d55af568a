import type { Bbox } from '../provider';
import type { AdapterCall, ProviderAdapter } from './adapter';
import { filterCases } from './case-query';
import { keepInBbox } from './feature-bbox';
import type { FeatureLayer, LayerCollections } from './layer-specs';

/** How a GIS server's adapter reads one layer, narrowed to a bbox where the server can do it. */
export type ReadLayer = <L extends FeatureLayer>(
  call: AdapterCall,
  layer: L,
  bbox?: Bbox,
) => Promise<LayerCollections[L]>;

const inBbox = <
  T extends { features: readonly { geometry: Parameters<typeof keepInBbox>[0][number]['geometry'] }[] },
>(
  collection: T,
  bbox: Bbox | undefined,
): T => ({ ...collection, features: keepInBbox(collection.features, bbox) });

/**
 * The layer members of an adapter for servers that filter by bbox only (WFS, ArcGIS REST): the bbox is asked of
 * the server and checked again here (servers round it to their index), the community and the case query are
 * applied on the client.
 */
export function bboxLayerReads(
  readLayer: ReadLayer,
): Pick<ProviderAdapter, 'regions' | 'grids' | 'cameras' | 'stations' | 'cases'> {
  return {
    regions: (call) => readLayer(call, 'regions'),
    grids: async (call, query) => {
      const grids = inBbox(await readLayer(call, 'grids', query.bbox), query.bbox);
      if (query.community === undefined) return grids;
      return {
        ...grids,
        features: grids.features.filter((grid) => grid.properties.communityId === query.community),
      };
    },
    cameras: async (call, query) => inBbox(await readLayer(call, 'cameras', query.bbox), query.bbox),
    stations: (call) => readLayer(call, 'stations'),
    cases: async (call, query) => filterCases(await readLayer(call, 'cases', query.bbox), query),
  };
}
