import { bbox, booleanPointInPolygon } from '@turf/turf';
import Flatbush from 'flatbush';
import type { GridFeature } from '../src/geo/join/flat-grids';

/**
 * The join a user would write: for each point, the first grid (in input order) whose bounding box holds it and
 * that turf says contains it. Returns the grid index per point, -1 outside.
 */
export function turfLinearJoin(grids: GridFeature[], positions: Float64Array): Int32Array {
  const boxes = grids.map((grid) => bbox(grid));
  const count = positions.length / 2;
  const assignments = new Int32Array(count);
  for (let point = 0; point < count; point++) {
    const coordinates = [positions[point * 2] ?? NaN, positions[point * 2 + 1] ?? NaN];
    const [x = NaN, y = NaN] = coordinates;
    assignments[point] = grids.findIndex((grid, index) => {
      const [minX = 0, minY = 0, maxX = 0, maxY = 0] = boxes[index] ?? [];
      return x >= minX && x <= maxX && y >= minY && y <= maxY && booleanPointInPolygon(coordinates, grid);
    });
  }
  return assignments;
}

/**
 * A bounding-box index alone (flatbush) in front of the same turf test, candidates taken in input order so the
 * answers stay the baseline's. Fast enough to check every one of a million assignments against turf, and the
 * reference for what an R-tree without a cell lookup reaches.
 */
export function turfFlatbushJoin(grids: GridFeature[]): (positions: Float64Array) => Int32Array {
  const index = new Flatbush(grids.length);
  for (const grid of grids) {
    const [minX = 0, minY = 0, maxX = 0, maxY = 0] = bbox(grid);
    index.add(minX, minY, maxX, maxY);
  }
  index.finish();
  return (positions) => {
    const count = positions.length / 2;
    const assignments = new Int32Array(count);
    for (let point = 0; point < count; point++) {
      const coordinates = [positions[point * 2] ?? NaN, positions[point * 2 + 1] ?? NaN];
      const [x = NaN, y = NaN] = coordinates;
      const candidates = index.search(x, y, x, y).sort((a, b) => a - b);
      const hit = candidates.find((candidate) => {
        const grid = grids[candidate];
        return grid !== undefined && booleanPointInPolygon(coordinates, grid);
      });
      assignments[point] = hit ?? -1;
    }
    return assignments;
  };
}

export function countMismatches(expected: Int32Array, actual: Int32Array): number {
  let mismatches = 0;
  for (let index = 0; index < expected.length; index++)
    if (expected[index] !== actual[index]) mismatches += 1;
  return mismatches + Math.abs(expected.length - actual.length);
}
