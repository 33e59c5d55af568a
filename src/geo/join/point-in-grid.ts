import type { FlatGrids } from './flat-grids';
import { orientationSign } from './exact-orientation';

/**
 * Whether the point lies in grid `grid`, boundary included: the same answer, bit for bit, as turf's
 * `booleanPointInPolygon(point, feature)` with default options. Each part of a MultiPolygon is tested on its own
 * (a point in any part is in the grid); within a part, crossings are counted over the exterior and its holes
 * together (even-odd), and a point on any ring, hole rings too, counts as inside. The crossing rule and the exact
 * orientation test are point-in-polygon-hao's, which turf uses, so ties on shared edges and vertices resolve alike.
 */
export function pointInGrid(grids: FlatGrids, grid: number, x: number, y: number): boolean {
  const { gridPartOffsets, partRingOffsets } = grids;
  const partEnd = gridPartOffsets[grid + 1] ?? 0;
  for (let part = gridPartOffsets[grid] ?? 0; part < partEnd; part++) {
    const answer = pointInPart(grids, partRingOffsets[part] ?? 0, partRingOffsets[part + 1] ?? 0, x, y);
    if (answer !== outside) return true;
  }
  return false;
}

const outside = -1;
const onBoundary = 0;
const inside = 1;

function pointInPart(grids: FlatGrids, ringStart: number, ringEnd: number, x: number, y: number): number {
  const { coordinates, ringVertexOffsets } = grids;
  let crossings = 0;
  for (let ring = ringStart; ring < ringEnd; ring++) {
    const first = ringVertexOffsets[ring] ?? 0;
    const last = (ringVertexOffsets[ring + 1] ?? 0) - 1;
    let u1 = (coordinates[first * 2] ?? NaN) - x;
    let v1 = (coordinates[first * 2 + 1] ?? NaN) - y;
    for (let vertex = first + 1; vertex <= last; vertex++) {
      const u2 = (coordinates[vertex * 2] ?? NaN) - x;
      const v2 = (coordinates[vertex * 2 + 1] ?? NaN) - y;
      if (v1 === 0 && v2 === 0) {
        if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return onBoundary;
      } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
        const side = orientationSign(u1, u2, v1, v2);
        if (side === 0) return onBoundary;
        if ((side > 0 && v2 > 0 && v1 <= 0) || (side < 0 && v2 <= 0 && v1 > 0)) crossings++;
      }
      u1 = u2;
      v1 = v2;
    }
  }
  return crossings % 2 === 0 ? outside : inside;
}
