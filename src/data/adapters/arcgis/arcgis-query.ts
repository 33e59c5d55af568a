import { arcgisToGeoJSON } from '@terraformer/arcgis';
import type { Geometry as EsriGeometry } from 'arcgis-rest-api';
import { DataError } from '../../data-error';
import type { Bbox } from '../../provider';
import type { AdapterCall } from '../adapter';
import type { SourceFeature } from '../feature-mapping';
import type { FeatureLayer } from '../layer-specs';
import { fetchArcgis, layerUrlOf } from './arcgis-layer';
import {
  arcgisFeatureSetSchema,
  arcgisGeoJsonSchema,
  type ArcgisLayer,
  type ArcgisOptions,
} from './arcgis.schema';

export interface QueryPlan {
  description: ArcgisLayer;
  options: ArcgisOptions;
  bbox?: Bbox;
}

/** GeoJSON straight from the server when the layer lists it (ArcGIS 10.4+, Koop), Esri JSON otherwise. */
export function usesGeoJson(plan: QueryPlan): boolean {
  if (plan.options.format !== 'auto') return plan.options.format === 'geojson';
  return /(^|,)\s*geojson\s*(,|$)/i.test(plan.description.supportedQueryFormats ?? '');
}

/** An instant as ISO 8601 local time at `offset` ("+08:00"), as the contract writes dates. */
export function isoAtOffset(milliseconds: number, offset: string): string {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [hours = 0, minutes = 0] = offset.slice(1).split(':').map(Number);
  const local = new Date(milliseconds + sign * (hours * 60 + minutes) * 60_000).toISOString();
  return `${local.replace(/(\.000)?Z$/, '')}${offset}`;
}

/** Date fields come as epoch milliseconds in both formats; the contract's dates are ISO 8601 text. */
function withIsoDates(
  properties: Record<string, unknown> | null,
  dateFields: readonly string[],
  offset: string,
) {
  if (!properties || dateFields.length === 0) return properties;
  const copy = { ...properties };
  for (const field of dateFields) {
    const value = copy[field];
    if (typeof value === 'number') copy[field] = isoAtOffset(value, offset);
  }
  return copy;
}

function queryUrl(
  call: AdapterCall,
  layer: FeatureLayer,
  plan: QueryPlan,
  offset: number,
  count: number,
): string {
  const url = layerUrlOf(call.source, layer);
  url.pathname += '/query';
  const params = url.searchParams;
  params.set('f', usesGeoJson(plan) ? 'geojson' : 'json');
  params.set('where', plan.options.where);
  params.set('outFields', plan.options.outFields?.join(',') ?? '*');
  params.set('returnGeometry', 'true');
  // The server reprojects: WGS84 out whatever the layer is stored in (CGCS2000, Web Mercator, a local grid).
  params.set('outSR', '4326');
  if (plan.bbox) {
    params.set('geometry', plan.bbox.join(','));
    params.set('geometryType', 'esriGeometryEnvelope');
    params.set('inSR', '4326');
    params.set('spatialRel', 'esriSpatialRelIntersects');
  }
  params.set('resultOffset', String(offset));
  params.set('resultRecordCount', String(count));
  return url.href;
}

async function readPage(
  call: AdapterCall,
  layer: FeatureLayer,
  plan: QueryPlan,
  url: string,
): Promise<{ features: SourceFeature[]; exceeded: boolean | undefined }> {
  const source = { layer, url, headers: call.source.headers, ...(call.signal && { signal: call.signal }) };
  const dateFields = (plan.description.fields ?? [])
    .filter((field) => field.type === 'esriFieldTypeDate')
    .map((field) => field.name);
  if (usesGeoJson(plan)) {
    const page = await fetchArcgis(source, arcgisGeoJsonSchema);
    return {
      features: page.features.map((feature) => ({
        id: feature.id,
        geometry: feature.geometry,
        properties: withIsoDates(feature.properties, dateFields, plan.options.utcOffset),
      })),
      exceeded: page.exceededTransferLimit ?? page.properties?.exceededTransferLimit,
    };
  }
  const page = await fetchArcgis(source, arcgisFeatureSetSchema);
  return {
    features: page.features.map((feature) => ({
      ...(page.objectIdFieldName && { id: feature.attributes?.[page.objectIdFieldName] as string | number }),
      geometry: feature.geometry ? arcgisToGeoJSON(feature.geometry as EsriGeometry) : null,
      properties: withIsoDates(feature.attributes ?? null, dateFields, plan.options.utcOffset),
    })),
    exceeded: page.exceededTransferLimit,
  };
}

/**
 * Every feature of the query: pages of `resultRecordCount` (the layer's maxRecordCount unless smaller is asked)
 * from `resultOffset` 0 on, until the server says `exceededTransferLimit` is no longer true.
 */
export async function readAllFeatures(
  call: AdapterCall,
  layer: FeatureLayer,
  plan: QueryPlan,
): Promise<SourceFeature[]> {
  const cap = plan.description.maxRecordCount ?? 1_000;
  const count = Math.min(plan.options.pageSize ?? cap, cap);
  const features: SourceFeature[] = [];
  for (let offset = 0; ; offset += count) {
    const page = await readPage(call, layer, plan, queryUrl(call, layer, plan, offset, count));
    features.push(...page.features);
    call.onProgress?.({ layer, loaded: features.length });
    if (features.length > plan.options.maxFeatures)
      throw new DataError(
        layer,
        'format',
        `more than ${plan.options.maxFeatures} features; narrow the query`,
      );
    // A server that leaves the flag out (Koop's GeoJSON) has more while it fills whole pages.
    const more = page.exceeded ?? page.features.length >= count;
    if (!more || page.features.length === 0) return features;
  }
}
