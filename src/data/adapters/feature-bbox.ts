import { bboxesIntersect } from '../../domain/case-filter';
import type { Bbox } from '../provider';

/**
 * Bounding boxes of contract geometries, for filtering by `bbox` on the client. Needed even when the server was
 * given the bbox: OGC `next` links may drop it (MapServer does), and files have no server at all.
 */
type Geometry =
  | { type: 'Point'; coordinates: [number, number] }
  | { type: 'Polygon'; coordinates: [number, number][][] }
  | { type: 'MultiPolygon'; coordinates: [number, number][][][] };

export function geometryBbox(geometry: Geometry): Bbox {
  if (geometry.type === 'Point') {
    const [x, y] = geometry.coordinates;
    return [x, y, x, y];
  }
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const part of parts)
    for (const [x, y] of part[0] ?? []) {
      west = Math.min(west, x);
      south = Math.min(south, y);
      east = Math.max(east, x);
      north = Math.max(north, y);
    }
  return [west, south, east, north];
}

export function keepInBbox<F extends { geometry: Geometry }>(
  features: readonly F[],
  bbox: Bbox | undefined,
): F[] {
  if (!bbox) return [...features];
  return features.filter((feature) => bboxesIntersect(geometryBbox(feature.geometry), bbox));
}

/** The extent of several collections together, for a synthesized `meta`. */
export function extentOf(features: readonly { geometry: Geometry }[]): Bbox {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const feature of features) {
    const [w, s, e, n] = geometryBbox(feature.geometry);
    west = Math.min(west, w);
    south = Math.min(south, s);
    east = Math.max(east, e);
    north = Math.max(north, n);
  }
  return [west, south, east, north];
}
