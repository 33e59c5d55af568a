import { z } from 'zod';
import { foreignFeatureSchema } from '../feature-shape';

/** WFS options in `sources.<layer>.options`, besides the property mapping (feature-mapping.ts). */
export const wfsOptionsSchema = z.object({
  /** The feature type's name as GetCapabilities lists it (`grids` or `ms:grids`); defaults to the layer's name. */
  typeName: z.string().min(1).optional(),
  /** The protocol version; by default the newest the server offers of 2.0.0 and 1.1.0. */
  version: z.enum(['2.0.0', '1.1.0']).optional(),
  /** GeoJSON when the server lists a JSON output format, GML otherwise (`auto`); or one of them by force. */
  format: z.enum(['auto', 'geojson', 'gml']).default('auto'),
  /**
   * The CRS features are asked for in: EPSG:4326 (WGS84), EPSG:4490 (CGCS2000, as Tianditu) or EPSG:3857 (Web
   * Mercator). Whichever it is, the layer reaches the map in WGS84 and is then put in the base map's system.
   */
  crs: z.enum(['EPSG:4326', 'EPSG:4490', 'EPSG:3857']).default('EPSG:4326'),
  /** Features per GetFeature page (WFS 2.0 `count`); servers cap it. */
  pageSize: z.number().int().min(1).max(100_000).default(1_000),
  /** A runaway guard: stop past this many features (WFS 1.1 `maxFeatures`, which has no paging). */
  maxFeatures: z.number().int().positive().default(500_000),
  /** Shown as the dataset's name when this source serves `meta`; else the capabilities' title. */
  name: z.string().min(1).optional(),
  city: z.string().min(1).optional(),
});
export type WfsOptions = z.infer<typeof wfsOptionsSchema>;
export type WfsVersion = '2.0.0' | '1.1.0';
export type WfsCrs = WfsOptions['crs'];

/** GeoJSON as a WFS server writes it: checked only for its shape here, the contract's schemas come later. */
export const wfsGeoJsonSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(foreignFeatureSchema),
  numberMatched: z.union([z.number(), z.string()]).optional(),
  totalFeatures: z.union([z.number(), z.string()]).optional(),
});
