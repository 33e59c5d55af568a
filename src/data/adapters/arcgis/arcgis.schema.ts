import { z } from 'zod';

/** ArcGIS options in `sources.<layer>.options`, besides the property mapping (feature-mapping.ts). */
export const arcgisOptionsSchema = z.object({
  /** A SQL filter the server applies (`where`), e.g. `STATUS <> 'retired'`; everything by default. */
  where: z.string().min(1).default('1=1'),
  /** `outFields`: only these attributes; all by default. */
  outFields: z.array(z.string().min(1)).min(1).optional(),
  /** `f=geojson` when the layer lists it in supportedQueryFormats, Esri JSON otherwise (`auto`); or one by force. */
  format: z.enum(['auto', 'geojson', 'json']).default('auto'),
  /** Features per page; by default the layer's maxRecordCount, and never more. */
  pageSize: z.number().int().min(1).max(100_000).optional(),
  /** A runaway guard: stop paging past this many features. */
  maxFeatures: z.number().int().positive().default(500_000),
  /**
   * Date fields come as instants (epoch milliseconds); they are written as ISO 8601 at this offset, China
   * Standard Time unless told otherwise.
   */
  utcOffset: z
    .string()
    .regex(/^[+-]([01]\d|2[0-3]):[0-5]\d$/, 'use "+08:00"')
    .default('+08:00'),
  /** Shown as the dataset's name when this source serves `meta`; else the layer's name. */
  name: z.string().min(1).optional(),
  city: z.string().min(1).optional(),
});
export type ArcgisOptions = z.infer<typeof arcgisOptionsSchema>;

/** The layer resource (`<layer URL>?f=json`), leniently: servers differ in what they list. */
export const arcgisLayerSchema = z.object({
  name: z.string().optional(),
  type: z.string().optional(),
  maxRecordCount: z.number().int().positive().optional(),
  supportedQueryFormats: z.string().optional(),
  advancedQueryCapabilities: z.object({ supportsPagination: z.boolean().optional() }).partial().optional(),
  extent: z
    .object({
      xmin: z.number(),
      ymin: z.number(),
      xmax: z.number(),
      ymax: z.number(),
      spatialReference: z
        .object({ wkid: z.number().optional(), latestWkid: z.number().optional() })
        .optional(),
    })
    .optional(),
  fields: z
    .array(z.object({ name: z.string(), type: z.string() }))
    .nullable()
    .optional(),
});
export type ArcgisLayer = z.infer<typeof arcgisLayerSchema>;

/** An error answered with HTTP 200, as ArcGIS Server does: `{"error": {"code": 498, "message": "Invalid token"}}`. */
export const arcgisErrorSchema = z.object({
  error: z.object({ code: z.number().optional(), message: z.string().optional() }),
});

const attributes = z.record(z.string(), z.unknown()).nullable().optional();

/** A query page in Esri JSON (`f=json`). */
export const arcgisFeatureSetSchema = z.object({
  features: z.array(
    z.object({ attributes, geometry: z.record(z.string(), z.unknown()).nullable().optional() }),
  ),
  exceededTransferLimit: z.boolean().optional(),
  objectIdFieldName: z.string().optional(),
});

/** A query page in GeoJSON (`f=geojson`); ArcGIS puts exceededTransferLimit under `properties`. */
export const arcgisGeoJsonSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      // Koop leaves `type` out when outFields is set; nothing else is a feature there.
      type: z.literal('Feature').optional(),
      id: z.union([z.string(), z.number()]).optional(),
      geometry: z.unknown(),
      properties: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
  exceededTransferLimit: z.boolean().optional(),
  properties: z.object({ exceededTransferLimit: z.boolean().optional() }).partial().optional(),
});
