import { z } from 'zod';
import { foreignFeatureSchema } from '../feature-shape';

/**
 * The parts of OGC API – Features Part 1 responses the adapter reads, leniently: servers add members freely and
 * the spec leaves most of them optional. Geometry and properties are checked later, after the property mapping,
 * with the contract's own schemas.
 */
export const ogcLinkSchema = z.object({
  href: z.string().min(1),
  rel: z.string().optional(),
  type: z.string().optional(),
});
export type OgcLink = z.infer<typeof ogcLinkSchema>;

export const ogcLandingSchema = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
});

export const ogcCollectionSchema = z.object({
  id: z.string().min(1),
  title: z.string().optional(),
  extent: z
    .object({
      spatial: z
        .object({ bbox: z.array(z.array(z.number()).min(4)).min(1), crs: z.string().optional() })
        .partial(),
      temporal: z.unknown(),
    })
    .partial()
    .optional(),
  crs: z.array(z.string()).optional(),
  links: z.array(ogcLinkSchema).optional(),
});
export type OgcCollection = z.infer<typeof ogcCollectionSchema>;

export const ogcCollectionsSchema = z.object({ collections: z.array(ogcCollectionSchema) });

export const ogcItemsSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(foreignFeatureSchema),
  numberMatched: z.number().int().nonnegative().optional(),
  numberReturned: z.number().int().nonnegative().optional(),
  links: z.array(ogcLinkSchema).optional(),
});
export type OgcItems = z.infer<typeof ogcItemsSchema>;

/** OGC options in `sources.<layer>.options`, besides the property mapping. */
export const ogcOptionsSchema = z.object({
  /** The collection id; defaults to the layer's name (`grids`, `cases`…). */
  collection: z.string().min(1).optional(),
  /** Features per page; servers cap it (MapServer at 10,000). */
  limit: z.number().int().min(1).max(10_000).default(1_000),
  /**
   * Origins (`https://gis-proxy.example.gov.cn`) whose `next` links are followed besides the source's own: a
   * server behind a proxy may name its internal host in them, which must never be requested unasked.
   */
  allowedOrigins: z.array(z.string().min(1)).default([]),
  /** A runaway guard: stop following `next` past this many features. */
  maxFeatures: z.number().int().positive().default(500_000),
  /** Shown as the dataset's name when this source serves `meta`; else the landing page's title. */
  name: z.string().min(1).optional(),
  city: z.string().min(1).optional(),
});
export type OgcOptions = z.infer<typeof ogcOptionsSchema>;

/** The part of an OpenAPI document (`{landing}/api`) that states the items' `limit` range. */
export const ogcApiDocumentSchema = z.object({
  components: z
    .object({
      parameters: z
        .record(
          z.string(),
          z.object({
            name: z.string().optional(),
            schema: z.object({ maximum: z.number().optional() }).optional(),
          }),
        )
        .optional(),
    })
    .optional(),
});
