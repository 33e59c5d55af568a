import { z } from 'zod';
import { readAdapterOptions } from './adapter-options';
import { checkBody } from '../json-body';
import type { PartialLayer } from '../partial-layer';
import { layerSchemas, layerSpecs, type FeatureLayer, type LayerCollections } from './layer-specs';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
type Scalar = z.infer<typeof scalar>;

/**
 * How a city's own attribute names and codes become the contract's, per layer, in `sources.<layer>.options`:
 * `properties` names the source property for a contract property (`{"name": "GRID_NAME"}`), `values` recodes
 * (`{"status": {"在线": "online"}}`) and `defaults` fills what the source does not have (`{"type": "old_town"}`).
 * Without an entry a contract property is read under its own name; `id` falls back to the feature's id.
 */
export const featureMappingSchema = z.object({
  properties: z.record(z.string(), z.string()).default({}),
  values: z.record(z.string(), z.record(z.string(), scalar)).default({}),
  defaults: z.record(z.string(), scalar).default({}),
});
export type FeatureMapping = z.infer<typeof featureMappingSchema>;

export interface SourceFeature {
  id?: string | number | undefined;
  geometry: unknown;
  properties: Record<string, unknown> | null;
}

function coerce(value: unknown, key: string, layer: FeatureLayer): unknown {
  const spec = layerSpecs[layer];
  // Servers and files write a missing value as "" (MapServer turns nulls into ""); for a nullable field it is null.
  if (value === '' && spec.nullable.includes(key)) return null;
  if (typeof value === 'string' && spec.numbers.includes(key) && value.trim() !== '') {
    const number = Number(value);
    return Number.isFinite(number) ? number : value;
  }
  if (typeof value === 'string' && spec.booleans.includes(key)) {
    if (/^(true|1|yes)$/i.test(value)) return true;
    if (/^(false|0|no)$/i.test(value)) return false;
  }
  // OGR and MapServer write booleans as 1 and 0.
  if (typeof value === 'number' && spec.booleans.includes(key) && (value === 0 || value === 1))
    return value === 1;
  if (typeof value === 'number' && key === 'id') return String(value);
  return value;
}

function mappedValue(feature: SourceFeature, key: string, mapping: FeatureMapping, layer: FeatureLayer) {
  const sourceKey = mapping.properties[key] ?? key;
  let value: unknown = feature.properties?.[sourceKey];
  if ((value === undefined || value === '') && key === 'id' && feature.id !== undefined) value = feature.id;
  if ((value === undefined || value === '') && key in mapping.defaults) value = mapping.defaults[key];
  const recode = mapping.values[key];
  if (recode && (typeof value === 'string' || typeof value === 'number')) {
    const recoded: Scalar | undefined = recode[String(value)];
    if (recoded !== undefined) value = recoded;
  }
  return coerce(value, key, layer);
}

/**
 * Map raw features onto the layer's contract properties and validate the collection with its schema; features it
 * refuses are left out and listed in `skipped` (src/data/partial-layer.ts).
 */
export function toLayerCollection<L extends FeatureLayer>(
  layer: L,
  features: readonly SourceFeature[],
  mapping: FeatureMapping,
): LayerCollections[L] & PartialLayer {
  const spec = layerSpecs[layer];
  const mapped = features.map((feature) => ({
    type: 'Feature',
    geometry: feature.geometry,
    properties: Object.fromEntries(spec.keys.map((key) => [key, mappedValue(feature, key, mapping, layer)])),
  }));
  return checkBody(
    layer,
    layerSchemas[layer],
    { type: 'FeatureCollection', features: mapped },
    { what: 'features' },
  );
}

export function readMapping(
  layer: FeatureLayer,
  options: Record<string, unknown> | undefined,
): FeatureMapping {
  return readAdapterOptions(featureMappingSchema, layer, options);
}
