import { z } from 'zod';
import { ringCrossesItself } from '../../geo/ring-crossing';

/**
 * GeoJSON geometry schemas that reject what breaks a map silently: NaN, out-of-range or swapped coordinates,
 * unclosed rings, rings that cross themselves. Coordinates are longitude/latitude (WGS84 unless the source declares otherwise).
 */
const longitude = z.number().min(-180).max(180);
const latitude = z.number().min(-90).max(90);

export const positionSchema = z
  .tuple([longitude, latitude])
  .rest(z.number())
  .transform((position): [number, number] => [position[0], position[1]]);

const ringSchema = z
  .array(positionSchema)
  .min(4, 'a ring needs at least 4 positions')
  .refine((ring) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
  }, 'ring is not closed (first and last positions differ)')
  .refine((ring) => !ringCrossesItself(ring), 'ring crosses itself');

export const pointSchema = z.object({ type: z.literal('Point'), coordinates: positionSchema });
export const polygonSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(ringSchema).min(1),
});
export const multiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(ringSchema).min(1)).min(1),
});
export const areaGeometrySchema = z.discriminatedUnion('type', [polygonSchema, multiPolygonSchema]);

export type PointGeometry = z.infer<typeof pointSchema>;
export type AreaGeometry = z.infer<typeof areaGeometrySchema>;

/** A FeatureCollection whose features share one geometry and one properties schema; ids must be unique. */
export function featureCollectionSchema<G extends z.ZodType, P extends z.ZodType<{ id: string }>>(
  geometry: G,
  properties: P,
) {
  const feature = z.object({
    type: z.literal('Feature'),
    id: z.union([z.string(), z.number()]).optional(),
    geometry,
    properties,
  });
  return z
    .object({ type: z.literal('FeatureCollection'), features: z.array(feature) })
    .superRefine((collection, context) => {
      const seen = new Set<string>();
      collection.features.forEach((item: unknown, index) => {
        const id = propertiesIdOf(item);
        if (id === undefined) return;
        if (seen.has(id)) {
          context.addIssue({
            code: 'custom',
            message: `duplicate id "${id}"`,
            path: ['features', index, 'properties', 'id'],
          });
        }
        seen.add(id);
      });
    });
}

/** Read `properties.id` from a parsed feature; the generic bound guarantees it, but TypeScript cannot see it. */
function propertiesIdOf(feature: unknown): string | undefined {
  if (typeof feature !== 'object' || feature === null || !('properties' in feature)) return undefined;
  const properties = feature.properties;
  if (typeof properties !== 'object' || properties === null || !('id' in properties)) return undefined;
  return typeof properties.id === 'string' ? properties.id : undefined;
}
