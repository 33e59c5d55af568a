import type { Bbox } from '../../provider';
import type { Meta } from '../../../contract/schemas/contract.schema';
import type { AdapterCall, ProviderAdapter } from '../adapter';
import { bboxLayerReads } from '../bbox-layer-reads';
import { extentOf } from '../feature-bbox';
import { readMapping, toLayerCollection } from '../feature-mapping';
import type { FeatureLayer, LayerCollections } from '../layer-specs';
import { layerOf, readArcgisOptions } from './arcgis-layer';
import { readAllFeatures } from './arcgis-query';
import { synthesizedMeta } from '../synthesized-meta';

/**
 * ArcGIS REST feature layers (ArcGIS Server / Enterprise FeatureServer and MapServer layers, and servers that
 * speak the same GeoServices API such as Koop): the layer's description gives maxRecordCount and the formats, its
 * `query` is read with `where`, an envelope and `outFields`, page by page. Each layer has its own URL.
 */
async function readLayer<L extends FeatureLayer>(
  call: AdapterCall,
  layer: L,
  bbox?: Bbox,
): Promise<LayerCollections[L]> {
  const options = readArcgisOptions(layer, call.source.options);
  const mapping = readMapping(layer, call.source.options);
  const description = await layerOf(call, layer);
  const features = await readAllFeatures(call, layer, { description, options, ...(bbox && { bbox }) });
  return toLayerCollection(layer, features, mapping);
}

async function arcgisMeta(call: AdapterCall): Promise<Meta> {
  const options = readArcgisOptions('regions', call.source.options);
  const description = await layerOf(call, 'regions');
  const extent = description.extent;
  const wkid = extent?.spatialReference?.latestWkid ?? extent?.spatialReference?.wkid;
  // The listed extent is in the layer's own CRS; only a WGS84/CGCS2000 one can be used as it is.
  const bbox =
    extent && (wkid === 4326 || wkid === 4490)
      ? ([extent.xmin, extent.ymin, extent.xmax, extent.ymax] as const)
      : extentOf((await readLayer(call, 'regions')).features);
  const name = options.name ?? description.name ?? 'ArcGIS';
  return synthesizedMeta(name, options.city, bbox);
}

export const arcgisAdapter: ProviderAdapter = {
  kind: 'arcgis',
  meta: arcgisMeta,
  ...bboxLayerReads(readLayer),
};
