import { parseZip } from 'shpjs';
import type { SourceFeature } from '../feature-mapping';

export class ShapefileError extends Error {}

/**
 * A zipped Shapefile (.shp, .dbf, optional .prj and .cpg) as features, with shpjs, which reprojects to WGS84
 * using the .prj. A zip holding several layers is read as one: its features are concatenated.
 */
export async function parseZippedShapefile(bytes: ArrayBuffer): Promise<SourceFeature[]> {
  let parsed: Awaited<ReturnType<typeof parseZip>>;
  try {
    parsed = await parseZip(bytes);
  } catch (error) {
    throw new ShapefileError(error instanceof Error ? error.message : 'not a zipped Shapefile');
  }
  const layers = Array.isArray(parsed) ? parsed : [parsed];
  return layers.flatMap((layer) =>
    layer.features.map((feature) => ({
      id: feature.id,
      geometry: feature.geometry,
      properties: feature.properties,
    })),
  );
}
