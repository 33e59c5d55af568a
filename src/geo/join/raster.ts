/**
 * The uniform raster the grid index lays over the grids' extent. Cell (column, row) covers
 * [originX + column * cellSize, originX + (column + 1) * cellSize) × the same in y;
 * cell number = row * columns + column.
 */
export interface Raster {
  readonly originX: number;
  readonly originY: number;
  readonly maxX: number;
  readonly maxY: number;
  readonly cellSize: number;
  readonly columns: number;
  readonly rows: number;
}

export interface RasterOptions {
  /** Cells a grid of median size should span; more cells mean more interior cells (no exact test) and more memory. */
  readonly cellsPerMedianGrid?: number;
  /** Memory cap: 4 bytes per cell in the finished index. */
  readonly maxCells?: number;
}

const defaultCellsPerMedianGrid = 64;
const defaultMaxCells = 1 << 22;

/**
 * Size the cells from the median grid, not the mean: in a real city small urban grids and large rural ones differ by
 * two orders of magnitude, and the mean would give urban cells long candidate lists.
 */
export function planRaster(bboxes: Float64Array, options: RasterOptions = {}): Raster {
  const gridCount = bboxes.length / 4;
  let originX = Infinity;
  let originY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const areas = new Float64Array(gridCount);
  for (let grid = 0; grid < gridCount; grid++) {
    const [minGridX = 0, minGridY = 0, maxGridX = 0, maxGridY = 0] = bboxes.subarray(grid * 4, grid * 4 + 4);
    originX = Math.min(originX, minGridX);
    originY = Math.min(originY, minGridY);
    maxX = Math.max(maxX, maxGridX);
    maxY = Math.max(maxY, maxGridY);
    areas[grid] = (maxGridX - minGridX) * (maxGridY - minGridY);
  }
  if (gridCount === 0) return { originX: 0, originY: 0, maxX: 0, maxY: 0, cellSize: 1, columns: 1, rows: 1 };
  areas.sort();
  const width = maxX - originX;
  const height = maxY - originY;
  const medianArea = areas[gridCount >> 1] ?? 0;
  const cellsPerGrid = options.cellsPerMedianGrid ?? defaultCellsPerMedianGrid;
  const maxCells = options.maxCells ?? defaultMaxCells;
  const extentSide = Math.max(width, height, Number.MIN_VALUE);
  let cellSize = medianArea > 0 ? Math.sqrt(medianArea / cellsPerGrid) : extentSide;
  const cellCount = (size: number) => (Math.floor(width / size) + 1) * (Math.floor(height / size) + 1);
  if (cellCount(cellSize) > maxCells) cellSize = Math.sqrt((width * height) / maxCells) * 1.01 || extentSide;
  while (cellCount(cellSize) > maxCells) cellSize *= 1.05;
  return {
    originX,
    originY,
    maxX,
    maxY,
    cellSize,
    columns: Math.floor(width / cellSize) + 1,
    rows: Math.floor(height / cellSize) + 1,
  };
}

/** The column of x, clamped into the raster (callers reject points outside the extent first). */
export function columnOf(raster: Raster, x: number): number {
  const column = Math.floor((x - raster.originX) / raster.cellSize);
  return column < 0 ? 0 : column >= raster.columns ? raster.columns - 1 : column;
}

export function rowOf(raster: Raster, y: number): number {
  const row = Math.floor((y - raster.originY) / raster.cellSize);
  return row < 0 ? 0 : row >= raster.rows ? raster.rows - 1 : row;
}
