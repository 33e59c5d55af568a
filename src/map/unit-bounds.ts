import { bbox } from '@turf/turf';
import type { GridAreas, RegionAreas } from './grid-map';

/** The extent of a region or grid by id, in the map's system; null when the id is unknown or is the city itself. */
export function unitBounds(
  id: string | null,
  regions: RegionAreas | null,
  grids: GridAreas | null,
): [number, number, number, number] | null {
  if (!id) return null;
  const feature =
    regions?.features.find((region) => region.properties.id === id) ??
    grids?.features.find((grid) => grid.properties.id === id);
  if (!feature || ('level' in feature.properties && feature.properties.level === 'city')) return null;
  const [west, south, east, north] = bbox(feature);
  return [west, south, east, north];
}
