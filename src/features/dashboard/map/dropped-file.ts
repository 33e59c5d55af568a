import { bbox, coordEach } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { z } from 'zod';
import { convertPosition, type Crs } from '../../../geo/crs';

/**
 * A file dropped on the map (GeoJSON, KML, zipped Shapefile, or CSV with coordinates), read with the files
 * provider's own parsers and checked before it reaches the map: it must hold drawable geometry in longitude and
 * latitude. Everything here is about one file; a bad one is reported and nothing else is touched.
 */
export const dropReasons = [
  'unsupported',
  'tooLarge',
  'unreadable',
  'empty',
  'geometry',
  'coordinates',
] as const;
export type DropReason = (typeof dropReasons)[number];

export class DroppedFileError extends Error {
  constructor(
    readonly reason: DropReason,
    /** 1-based number of the offending feature, for 'geometry' and 'coordinates'. */
    readonly feature?: number,
  ) {
    super(reason);
  }
}

/** Larger files would stall the page while parsing; city layers of this kind are far smaller. */
export const maximumDropBytes = 50 * 1024 * 1024;

const position = z.array(z.number()).min(2).max(3);
const line = z.array(position).min(2);
const ring = z.array(position).min(4);
const geometrySchema: z.ZodType<Geometry> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('Point'), coordinates: position }),
    z.object({ type: z.literal('MultiPoint'), coordinates: z.array(position) }),
    z.object({ type: z.literal('LineString'), coordinates: line }),
    z.object({ type: z.literal('MultiLineString'), coordinates: z.array(line) }),
    z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)) }),
    z.object({ type: z.literal('GeometryCollection'), geometries: z.array(geometrySchema) }),
  ]),
);

export interface DroppedCollection {
  features: FeatureCollection;
  /** [west, south, east, north] in the base map's system, for "zoom to layer". */
  bounds: [number, number, number, number];
}

const isLongitudeLatitude = (feature: Feature) => {
  let inside = true;
  coordEach(feature, ([longitude = Number.NaN, latitude = Number.NaN]) => {
    if (!(Math.abs(longitude) <= 180 && Math.abs(latitude) <= 90)) inside = false;
  });
  return inside;
};

/** Read, parse and check one file; throws a DroppedFileError with the reason the user is shown. */
export async function readDroppedFile(file: File, basemapCrs: Crs): Promise<DroppedCollection> {
  // The parsers (shpjs with proj4, togeojson) load with the first dropped file, not with the dashboard.
  const { formatOfName, isFileParseError, parseFeatureFile } =
    await import('../../../data/adapters/files/file-format');
  const format = formatOfName(file.name);
  if (!format) throw new DroppedFileError('unsupported');
  if (file.size > maximumDropBytes) throw new DroppedFileError('tooLarge');
  let parsed;
  try {
    parsed = await parseFeatureFile(format, await file.arrayBuffer());
  } catch (error) {
    if (isFileParseError(error)) throw new DroppedFileError('unreadable');
    throw error;
  }
  if (parsed.length === 0) throw new DroppedFileError('empty');
  const features = parsed.map((source, index): Feature => {
    const geometry = geometrySchema.safeParse(source.geometry);
    if (!geometry.success) throw new DroppedFileError('geometry', index + 1);
    const feature: Feature = {
      type: 'Feature',
      geometry: geometry.data,
      properties: source.properties ?? {},
    };
    // Projected coordinates (metres, e.g. a CGCS2000 Gauss–Krüger export) would draw nowhere near the city.
    if (!isLongitudeLatitude(feature)) throw new DroppedFileError('coordinates', index + 1);
    return feature;
  });
  // GeoJSON, KML and shpjs's output are WGS84; a GCJ-02 base map needs them moved like every other layer.
  if (basemapCrs !== 'wgs84')
    for (const feature of features)
      coordEach(feature, (coordinates) => {
        const [longitude, latitude] = convertPosition(
          [coordinates[0] ?? 0, coordinates[1] ?? 0],
          'wgs84',
          basemapCrs,
        );
        coordinates[0] = longitude;
        coordinates[1] = latitude;
      });
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  const [west, south, east, north] = bbox(collection);
  return { features: collection, bounds: [west, south, east, north] };
}
