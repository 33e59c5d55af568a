import { z } from 'zod';
import { CsvError, parseCsvPoints } from './csv.parser';
import { GeoJsonError, parseGeoJson } from './geojson.parser';
import { KmlError, parseKml } from './kml.parser';
import { parseZippedShapefile, ShapefileError } from './shapefile.parser';
import type { SourceFeature } from '../feature-mapping';

export const fileFormats = ['geojson', 'csv', 'kml', 'shapefile'] as const;
export type FileFormat = (typeof fileFormats)[number];

const byExtension: Record<string, FileFormat> = {
  geojson: 'geojson',
  json: 'geojson',
  csv: 'csv',
  kml: 'kml',
  zip: 'shapefile',
};

/** The format a file name or URL path announces by its extension, if any. */
export function formatOfName(name: string): FileFormat | undefined {
  const path = name.split(/[?#]/)[0] ?? '';
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return byExtension[extension];
}

export const fileOptionsSchema = z.object({
  /** When the URL's extension does not say (e.g. `/export?layer=grids`). */
  format: z.enum(fileFormats).optional(),
  /** CSV coordinate columns; by default the usual names (longitude/lon/lng/x/经度, latitude/lat/y/纬度). */
  longitude: z.string().min(1).optional(),
  latitude: z.string().min(1).optional(),
  name: z.string().min(1).optional(),
  city: z.string().min(1).optional(),
});
export type FileOptions = z.infer<typeof fileOptionsSchema>;

/** Why a file could not be read, without the file's content (it may hold personal data). */
export const isFileParseError = (error: unknown): error is Error =>
  error instanceof CsvError ||
  error instanceof GeoJsonError ||
  error instanceof KmlError ||
  error instanceof ShapefileError;

/**
 * Any supported file's bytes as features: the one entry point for a layer's file URL and for a file dropped on
 * the map. Throws one of the parsers' errors (see `isFileParseError`) when the file is not what it claims.
 */
export async function parseFeatureFile(
  format: FileFormat,
  bytes: ArrayBuffer,
  options: Pick<FileOptions, 'longitude' | 'latitude'> & { xmlParser?: DOMParser } = {},
): Promise<SourceFeature[]> {
  if (format === 'shapefile') return parseZippedShapefile(bytes);
  const text = new TextDecoder('utf-8').decode(bytes);
  if (format === 'csv') return parseCsvPoints(text, options);
  if (format === 'kml') return parseKml(text, options.xmlParser);
  return parseGeoJson(text);
}
