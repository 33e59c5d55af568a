import { DataError } from '../../data-error';
import { readAdapterOptions } from '../adapter-options';
import { describeUrl } from '../../http';
import type { Meta } from '../../../contract/schemas/contract.schema';
import type { AdapterCall, ProviderAdapter } from '../adapter';
import { filterCases } from '../case-query';
import { extentOf, keepInBbox } from '../feature-bbox';
import { readMapping, toLayerCollection } from '../feature-mapping';
import { fetchBytes } from '../http-body';
import type { FeatureLayer, LayerCollections } from '../layer-specs';
import {
  fileOptionsSchema,
  formatOfName,
  isFileParseError,
  parseFeatureFile,
  type FileOptions,
} from './file-format';

function readOptions(layer: FeatureLayer, options: Record<string, unknown> | undefined): FileOptions {
  return readAdapterOptions(fileOptionsSchema, layer, options);
}

/**
 * One file per layer (GeoJSON, CSV with longitude/latitude columns, KML or a zipped Shapefile) at the layer's
 * `url`. There is no server to filter, so every query is answered on the client from the whole file.
 */
async function readLayer<L extends FeatureLayer>(call: AdapterCall, layer: L): Promise<LayerCollections[L]> {
  const { source } = call;
  const options = readOptions(layer, source.options);
  const mapping = readMapping(layer, source.options);
  const format = options.format ?? formatOfName(source.url);
  if (!format)
    throw new DataError(
      layer,
      'config',
      `cannot tell the format of ${describeUrl(source.url)}: set options.format`,
    );
  const bytes = await fetchBytes({
    layer,
    url: source.url.trim(),
    headers: source.headers,
    ...(call.signal && { signal: call.signal }),
  });
  try {
    const features = await parseFeatureFile(format, bytes, options);
    call.onProgress?.({ layer, loaded: features.length, total: features.length });
    return toLayerCollection(layer, features, mapping);
  } catch (error) {
    if (isFileParseError(error))
      throw new DataError(
        layer,
        'format',
        `${describeUrl(source.url)} is not valid ${format}: ${error.message}`,
      );
    throw error;
  }
}

async function filesMeta(call: AdapterCall): Promise<Meta> {
  const options = readOptions('regions', call.source.options);
  const regions = await readLayer(call, 'regions');
  const root = regions.features.find((region) => region.properties.parentId === null);
  const name = options.name ?? root?.properties.name ?? 'Gridboard';
  const [west, south, east, north] = extentOf(regions.features);
  return {
    name,
    city: options.city ?? root?.properties.name ?? name,
    bbox: [west, south, east, north],
    crs: 'wgs84',
    dataTime: new Date().toISOString(),
  };
}

export const filesAdapter: ProviderAdapter = {
  kind: 'files',
  meta: filesMeta,
  regions: (call) => readLayer(call, 'regions'),
  grids: async (call, query) => {
    const grids = await readLayer(call, 'grids');
    const features = keepInBbox(grids.features, query.bbox).filter(
      (grid) => query.community === undefined || grid.properties.communityId === query.community,
    );
    return { ...grids, features };
  },
  cameras: async (call, query) => {
    const cameras = await readLayer(call, 'cameras');
    return { ...cameras, features: keepInBbox(cameras.features, query.bbox) };
  },
  stations: (call) => readLayer(call, 'stations'),
  cases: async (call, query) => filterCases(await readLayer(call, 'cases'), query),
};
