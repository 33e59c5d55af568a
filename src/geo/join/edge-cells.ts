import type { FlatGrids } from './flat-grids';
import type { CellLists } from './cell-lists';
import type { Raster } from './raster';

/**
 * Slack, in cells, by which an edge's footprint is widened: the join computes a point's cell with one rounding, so
 * a point exactly on an edge may land in the neighbouring cell; that cell must list the edge's grid too.
 */
const slack = 1e-6;

/** Add `grid` to every cell its boundary (any ring of any part) passes through or touches. */
export function addBoundaryCells(grids: FlatGrids, grid: number, raster: Raster, lists: CellLists): void {
  const { coordinates, ringVertexOffsets, partRingOffsets, gridPartOffsets } = grids;
  const ringStart = partRingOffsets[gridPartOffsets[grid] ?? 0] ?? 0;
  const ringEnd = partRingOffsets[gridPartOffsets[grid + 1] ?? 0] ?? 0;
  for (let ring = ringStart; ring < ringEnd; ring++) {
    const last = (ringVertexOffsets[ring + 1] ?? 0) - 1;
    for (let vertex = ringVertexOffsets[ring] ?? 0; vertex < last; vertex++) {
      addSegmentCells(
        raster,
        lists,
        grid,
        (coordinates[vertex * 2] ?? 0) - raster.originX,
        (coordinates[vertex * 2 + 1] ?? 0) - raster.originY,
        (coordinates[vertex * 2 + 2] ?? 0) - raster.originX,
        (coordinates[vertex * 2 + 3] ?? 0) - raster.originY,
      );
    }
  }
}

/** Walk the segment row by row (coordinates relative to the raster origin), marking each row's column span. */
function addSegmentCells(
  raster: Raster,
  lists: CellLists,
  grid: number,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
): void {
  const { cellSize, columns, rows } = raster;
  const firstRow = clamp(Math.floor(Math.min(y1, y2) / cellSize - slack), rows);
  const lastRow = clamp(Math.floor(Math.max(y1, y2) / cellSize + slack), rows);
  const dx = x2 - x1;
  const dy = y2 - y1;
  for (let row = firstRow; row <= lastRow; row++) {
    let fromX = Math.min(x1, x2);
    let toX = Math.max(x1, x2);
    if (dy !== 0) {
      // The part of the segment inside this row's band, widened by the slack.
      const bandLow = (row - slack) * cellSize;
      const bandHigh = (row + 1 + slack) * cellSize;
      const t1 = Math.min(1, Math.max(0, (bandLow - y1) / dy));
      const t2 = Math.min(1, Math.max(0, (bandHigh - y1) / dy));
      const xa = x1 + dx * t1;
      const xb = x1 + dx * t2;
      fromX = Math.min(xa, xb);
      toX = Math.max(xa, xb);
    }
    const firstColumn = clamp(Math.floor(fromX / cellSize - slack), columns);
    const lastColumn = clamp(Math.floor(toX / cellSize + slack), columns);
    const rowStart = row * columns;
    for (let column = firstColumn; column <= lastColumn; column++) lists.add(rowStart + column, grid);
  }
}

function clamp(index: number, count: number): number {
  return index < 0 ? 0 : index >= count ? count - 1 : index;
}
