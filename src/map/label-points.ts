import { booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

/**
 * One label point per area, inside the area: its centroid where that falls inside (most grids), else a point
 * on its surface (crescent-shaped villages). Computed once per data change, so labels don't repeat per tile.
 */
export function labelPointsOf<P extends { name: string }>(
  features: readonly Feature<Polygon | MultiPolygon, P>[],
): FeatureCollection<Point, P> {
  return {
    type: 'FeatureCollection',
    features: features.map((feature) => {
      const middle = centroid(feature);
      const point = booleanPointInPolygon(middle, feature) ? middle : pointOnFeature(feature);
      return { type: 'Feature', geometry: point.geometry, properties: feature.properties };
    }),
  };
}
