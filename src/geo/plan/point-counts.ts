import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import { boundsOf, ringsOf } from './geometry/clip';
import type { AreaGeometry } from './plan';

/**
 * Points as they arrive from the columnar store (interleaved longitude, latitude) or from GeoJSON-like arrays;
 * both are accepted so the preview needs no copy of a large case set.
 */
export type PointPositions = Float64Array | readonly (readonly [number, number])[];

export const pointCount = (positions: PointPositions): number =>
  positions instanceof Float64Array ? positions.length / 2 : positions.length;

const pointAt = (positions: PointPositions, index: number): [number, number] =>
  positions instanceof Float64Array
    ? [positions[index * 2] ?? NaN, positions[index * 2 + 1] ?? NaN]
    : [positions[index]?.[0] ?? NaN, positions[index]?.[1] ?? NaN];

/** Even–odd ray casting over every ring, so holes and multipolygons need no special case. */
function contains(geometry: AreaGeometry, [x, y]: [number, number]): boolean {
  let inside = false;
  for (const ring of ringsOf(geometry)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi = 0, yi = 0]: Position = ring[i] ?? [];
      const [xj = 0, yj = 0]: Position = ring[j] ?? [];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * How many of the points fall in each area (a point on a shared edge counts once, in the first area found).
 * `include` filters points by index, e.g. cases of the last 12 months.
 */
export function countPointsIn(
  areas: readonly AreaGeometry[],
  positions: PointPositions,
  include: (index: number) => boolean = () => true,
): number[] {
  const counts = areas.map(() => 0);
  if (areas.length === 0) return counts;
  const index = new Flatbush(areas.length);
  for (const area of areas) index.add(...boundsOf(area));
  index.finish();
  for (let point = 0; point < pointCount(positions); point++) {
    if (!include(point)) continue;
    const position = pointAt(positions, point);
    const hit = index
      .search(position[0], position[1], position[0], position[1])
      .sort((a, b) => a - b)
      .find((candidate) => {
        const area = areas[candidate];
        return area !== undefined && contains(area, position);
      });
    if (hit !== undefined) counts[hit] = (counts[hit] ?? 0) + 1;
  }
  return counts;
}
