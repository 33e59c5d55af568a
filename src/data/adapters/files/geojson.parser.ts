import { z } from 'zod';
import type { SourceFeature } from '../feature-mapping';

const featureSchema = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]).optional(),
  geometry: z.unknown(),
  properties: z.record(z.string(), z.unknown()).nullable(),
});

/** A FeatureCollection, a single Feature, or a bare array of features (what hand-made exports often are). */
const geoJsonSchema = z.union([
  z.object({ type: z.literal('FeatureCollection'), features: z.array(featureSchema) }),
  featureSchema.transform((feature) => ({ type: 'FeatureCollection' as const, features: [feature] })),
  z.array(featureSchema).transform((features) => ({ type: 'FeatureCollection' as const, features })),
]);

export class GeoJsonError extends Error {}

/** GeoJSON text as features (RFC 7946: longitude, latitude in WGS84); the layer's schema checks them later. */
export function parseGeoJson(text: string): SourceFeature[] {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new GeoJsonError('not JSON');
  }
  const parsed = geoJsonSchema.safeParse(json);
  if (!parsed.success) throw new GeoJsonError('not a GeoJSON Feature or FeatureCollection');
  return parsed.data.features;
}
