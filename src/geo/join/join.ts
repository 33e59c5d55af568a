import { noGrid, type GridIndex } from './grid-index';
import { pointInGrid } from './point-in-grid';

/**
 * The grid of each point: `positions` holds longitude, latitude pairs; the answer holds one grid index per point
 * (an index into `index.grids.ids`), or -1 for a point outside every grid. A point on a boundary shared by several
 * grids goes to the first of them in input order, as a linear scan with turf's `booleanPointInPolygon` would.
 */
export function joinPoints(index: GridIndex, positions: Float64Array | Float32Array): Int32Array {
  const count = positions.length >> 1;
  const assignments = new Int32Array(count);
  const { grids, cells, candidateOffsets, candidates } = index;
  const { originX, originY, maxX, maxY, cellSize, columns, rows } = index.raster;
  const inverseCellSize = 1 / cellSize;
  for (let point = 0; point < count; point++) {
    const x = positions[point * 2] ?? NaN;
    const y = positions[point * 2 + 1] ?? NaN;
    // The negated form also sends NaN coordinates outside.
    if (!(x >= originX && x <= maxX && y >= originY && y <= maxY)) {
      assignments[point] = noGrid;
      continue;
    }
    const column = Math.min(columns - 1, Math.floor((x - originX) * inverseCellSize));
    const row = Math.min(rows - 1, Math.floor((y - originY) * inverseCellSize));
    const cell = cells[row * columns + column] ?? noGrid;
    if (cell >= noGrid) {
      assignments[point] = cell;
      continue;
    }
    const list = -2 - cell;
    const end = candidateOffsets[list + 1] ?? 0;
    let answer = noGrid;
    for (let entry = candidateOffsets[list] ?? 0; entry < end; entry++) {
      const candidate = candidates[entry] ?? noGrid;
      if (candidate < 0) {
        answer = ~candidate;
        break;
      }
      if (pointInGrid(grids, candidate, x, y)) {
        answer = candidate;
        break;
      }
    }
    assignments[point] = answer;
  }
  return assignments;
}

/**
 * Points per grid from earlier assignments: a filter change (status, category, time window) only changes which
 * points count, so the join is not redone. `filterMask[i] !== 0` keeps point i; `weights[i]` replaces its count of 1.
 */
export function aggregate(
  assignments: Int32Array,
  gridCount: number,
  filterMask?: Uint8Array,
  weights?: Float64Array | Float32Array,
): Float64Array {
  const totals = new Float64Array(gridCount);
  const count = assignments.length;
  for (let point = 0; point < count; point++) {
    const grid = assignments[point] ?? noGrid;
    if (grid < 0 || (filterMask !== undefined && filterMask[point] === 0)) continue;
    totals[grid] = (totals[grid] ?? 0) + (weights === undefined ? 1 : (weights[point] ?? 0));
  }
  return totals;
}
