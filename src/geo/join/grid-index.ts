import { CellLists } from './cell-lists';
import { addBoundaryCells } from './edge-cells';
import type { FlatGrids } from './flat-grids';
import { pointInGrid } from './point-in-grid';
import { planRaster, type Raster, type RasterOptions } from './raster';

/**
 * A lookup raster over the grids: most points are answered by one array read, and the exact point-in-polygon test
 * runs only for points in cells that a grid boundary crosses.
 *
 * `cells[cell]` is
 * - `>= 0`: the grid that covers the whole cell (an interior cell);
 * - `-1`: no grid touches the cell;
 * - `<= -2`: an edge cell, whose candidates are `candidates[candidateOffsets[k] .. candidateOffsets[k+1]]` with
 *   `k = -2 - cells[cell]`, in input order. A candidate `c >= 0` needs the exact test; `c < 0` means grid `~c`
 *   covers the whole cell and ends the list. Testing in input order and taking the first hit is what makes the
 *   answer on a shared boundary the same as a linear scan's (turf's: the first grid that contains the point).
 */
export interface GridIndex {
  readonly grids: FlatGrids;
  readonly raster: Raster;
  readonly cells: Int32Array;
  readonly candidateOffsets: Uint32Array;
  readonly candidates: Int32Array;
}

export const noGrid = -1;

export function buildGridIndex(grids: FlatGrids, options: RasterOptions = {}): GridIndex {
  const raster = planRaster(grids.bboxes, options);
  const cellCount = raster.columns * raster.rows;
  const lists = new CellLists(cellCount, grids.ids.length * 64);
  const coveredBy = new Int32Array(cellCount).fill(noGrid);
  for (let grid = 0; grid < grids.ids.length; grid++) {
    addBoundaryCells(grids, grid, raster, lists);
    markCoveredCells(grids, grid, raster, lists.lastGrid, coveredBy);
  }
  return { grids, raster, ...compactCells(lists, coveredBy) };
}

/**
 * Cells of a part's bounding box that the grid's boundary does not touch are wholly inside the grid or wholly
 * outside it; the cell centre tells which. Boxes are taken per part, since a MultiPolygon's exclave may lie far from
 * its main part. The first grid in input order to cover a cell keeps it.
 */
function markCoveredCells(
  grids: FlatGrids,
  grid: number,
  raster: Raster,
  boundaryGrid: Int32Array,
  coveredBy: Int32Array,
): void {
  const { originX, originY, cellSize, columns, rows } = raster;
  const partEnd = grids.gridPartOffsets[grid + 1] ?? 0;
  for (let part = grids.gridPartOffsets[grid] ?? 0; part < partEnd; part++) {
    const [minX, minY, maxX, maxY] = exteriorBox(grids, part);
    const firstColumn = Math.max(0, Math.floor((minX - originX) / cellSize));
    const lastColumn = Math.min(columns - 1, Math.floor((maxX - originX) / cellSize));
    const firstRow = Math.max(0, Math.floor((minY - originY) / cellSize));
    const lastRow = Math.min(rows - 1, Math.floor((maxY - originY) / cellSize));
    for (let row = firstRow; row <= lastRow; row++) {
      const centreY = originY + (row + 0.5) * cellSize;
      for (let column = firstColumn; column <= lastColumn; column++) {
        const cell = row * columns + column;
        if (boundaryGrid[cell] === grid || coveredBy[cell] !== noGrid) continue;
        if (pointInGrid(grids, grid, originX + (column + 0.5) * cellSize, centreY)) coveredBy[cell] = grid;
      }
    }
  }
}

/** The bounding box of a part's exterior ring (its holes lie inside it). */
function exteriorBox(grids: FlatGrids, part: number): [number, number, number, number] {
  const ring = grids.partRingOffsets[part] ?? 0;
  const end = grids.ringVertexOffsets[ring + 1] ?? 0;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let vertex = grids.ringVertexOffsets[ring] ?? 0; vertex < end; vertex++) {
    const x = grids.coordinates[vertex * 2] ?? NaN;
    const y = grids.coordinates[vertex * 2 + 1] ?? NaN;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

function compactCells(
  lists: CellLists,
  coveredBy: Int32Array,
): Pick<GridIndex, 'cells' | 'candidateOffsets' | 'candidates'> {
  const cellCount = coveredBy.length;
  const cells = new Int32Array(cellCount);
  const offsets: number[] = [0];
  let candidates = new Int32Array(Math.max(16, cellCount));
  let used = 0;
  for (let cell = 0; cell < cellCount; cell++) {
    const cover = coveredBy[cell] ?? noGrid;
    const before = cover === noGrid ? Number.MAX_SAFE_INTEGER : cover;
    const count = lists.countBefore(cell, before);
    if (count === 0) {
      cells[cell] = cover;
      continue;
    }
    const length = count + (cover === noGrid ? 0 : 1);
    if (used + length > candidates.length) {
      const grown = new Int32Array(Math.max(candidates.length * 2, used + length));
      grown.set(candidates);
      candidates = grown;
    }
    lists.writeBefore(cell, before, candidates, used, count);
    if (cover !== noGrid) candidates[used + count] = ~cover;
    used += length;
    cells[cell] = -2 - (offsets.length - 1);
    offsets.push(used);
  }
  return { cells, candidateOffsets: Uint32Array.from(offsets), candidates: candidates.slice(0, used) };
}
