import { DataError } from '../../data-error';
import type { Bbox } from '../../provider';
import type { Meta } from '../../../contract/schemas/contract.schema';
import type { AdapterCall, ProviderAdapter } from '../adapter';
import { bboxLayerReads } from '../bbox-layer-reads';
import { extentOf } from '../feature-bbox';
import { readMapping, toLayerCollection, type FeatureMapping, type SourceFeature } from '../feature-mapping';
import { layerSpecs, type FeatureLayer, type LayerCollections } from '../layer-specs';
import {
  capabilitiesOf,
  featureTypeOf,
  geoJsonFormatOf,
  propertiesOf,
  readWfsOptions,
} from './wfs-capabilities';
import { readAllFeatures } from './wfs-features';
import { synthesizedMeta } from '../synthesized-meta';

/**
 * OGC WFS 1.1 and 2.0 for any feature layer, as GeoServer, MapServer, QGIS Server, SuperMap iServer and ArcGIS
 * Server publish it: GetCapabilities finds the feature type, its output formats and the version; DescribeFeatureType
 * checks the property mapping against the type's properties; GetFeature reads it with `bbox`, page by page.
 * GetFeature has no time filter without FES, so cases are read whole (inside the bbox) and filtered on the client,
 * as every filter is applied again on the client for the same answer from every provider.
 */
async function readLayer<L extends FeatureLayer>(
  call: AdapterCall,
  layer: L,
  bbox?: Bbox,
): Promise<LayerCollections[L]> {
  const options = readWfsOptions(layer, call.source.options);
  const mapping = readMapping(layer, call.source.options);
  const capabilities = await capabilitiesOf(call, layer, options);
  const featureType = featureTypeOf(capabilities, layer, options);
  const configured = Object.values(mapping.properties);
  if (configured.length > 0) {
    // A misspelt source property would read as empty everywhere; name it, and what the type has instead.
    const properties = await propertiesOf(call, layer, capabilities.version, featureType.name);
    const missing = configured.filter((name) => !properties.includes(name));
    if (properties.length > 0 && missing.length > 0)
      throw new DataError(
        layer,
        'config',
        `${featureType.name} has no ${missing.join(', ')} (it has: ${properties.join(', ')})`,
      );
  }
  const features = await readAllFeatures(call, layer, {
    capabilities,
    featureType,
    geoJsonFormat: geoJsonFormatOf(layer, capabilities, featureType, options),
    options,
    ...(bbox && { bbox }),
  });
  return toLayerCollection(layer, withAbsentAsEmpty(layer, features, mapping), mapping);
}

/**
 * WFS servers leave a null attribute out (MapServer writes no element in GML and no member in GeoJSON); for the
 * contract's nullable properties that absence is the null the mapping makes of an empty value.
 */
function withAbsentAsEmpty(layer: FeatureLayer, features: SourceFeature[], mapping: FeatureMapping) {
  const sourceKeys = layerSpecs[layer].nullable.map((key) => mapping.properties[key] ?? key);
  return features.map((feature) => {
    const properties: Record<string, unknown> = { ...feature.properties };
    for (const key of sourceKeys) if (properties[key] === undefined) properties[key] = '';
    return { ...feature, properties };
  });
}

async function wfsMeta(call: AdapterCall): Promise<Meta> {
  const options = readWfsOptions('regions', call.source.options);
  const capabilities = await capabilitiesOf(call, 'regions', options);
  const featureType = featureTypeOf(capabilities, 'regions', options);
  const bbox = featureType.bbox ?? extentOf((await readLayer(call, 'regions')).features);
  const name = options.name ?? capabilities.title ?? featureType.title ?? featureType.name;
  return synthesizedMeta(name, options.city, bbox);
}

export const wfsAdapter: ProviderAdapter = {
  kind: 'wfs',
  meta: wfsMeta,
  ...bboxLayerReads(readLayer),
};
