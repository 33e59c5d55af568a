import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { cameraOf, projector } from './map-projection';

/**
 * Pixel readings of the wall's live layers, against the data as the test reads it from the feed (not as the page
 * holds it): where the cases are, the heat's hot core is drawn and elsewhere it is not; where the online cameras
 * stand, their bluish green is drawn, and a fixed step away it mostly is not.
 */
export type Position = [number, number];

/** The heat ramp's hot end ([189, 0, 38] and darker) over the dark map: red, with little green or blue. */
const isHeatCore = (r: number, g: number, b: number) => r > 110 && g < 50 && b < 80 && r - b > 60;
/**
 * The heat's warm middle ([240, 59, 32] to [254, 178, 76]) over the dark map: orange. Unlike the hot core it is a
 * colour the early-warning outline and ring (a pure deep red) never take.
 */
export const isHeatWarm = (r: number, g: number, b: number) =>
  r > 150 && g > 50 && g < 200 && b < 100 && r > g + 40;
/** The online camera colour [0, 158, 115], alone or at 75 % over a grid fill. */
const isOnlineCamera = (r: number, g: number, b: number) =>
  Math.abs(r - 0) + Math.abs(g - 158) + Math.abs(b - 115) < 90 && g > r + 60;

/** Pixels passing `test` within `reach` of a point, counted up to `enough` (the first one, for a yes or no). */
function pixelsNear(
  image: PNG,
  [x, y]: Position,
  reach: number,
  test: (r: number, g: number, b: number) => boolean,
  enough = Number.POSITIVE_INFINITY,
): number {
  let count = 0;
  for (let dy = -reach; dy <= reach; dy += 1)
    for (let dx = -reach; dx <= reach; dx += 1) {
      const px = Math.round(x + dx);
      const py = Math.round(y + dy);
      if (px < 0 || py < 0 || px >= image.width || py >= image.height) continue;
      const offset = (py * image.width + px) * 4;
      if (test(image.data[offset]!, image.data[offset + 1]!, image.data[offset + 2]!)) count += 1;
      if (count >= enough) return count;
    }
  return count;
}

const anyNear = (
  image: PNG,
  at: Position,
  reach: number,
  test: (r: number, g: number, b: number) => boolean,
) => pixelsNear(image, at, reach, test, 1) > 0;

export async function mapPicture(page: Page) {
  const map = page.locator('.wall-map .grid-map');
  const image = PNG.sync.read(await map.screenshot());
  const camera = cameraOf((await map.getAttribute('data-map-camera')) ?? '');
  return { image, toScreen: projector(camera, image) };
}

const inside = (image: PNG, [x, y]: Position, margin: number) =>
  x >= margin && y >= margin && x < image.width - margin && y < image.height - margin;

/**
 * The heat where the cases are: the map cut into `cell`-pixel squares, the share of the busiest squares (the top
 * tenth of those holding cases) that show the heat's core, and the share of the squares two cells or more from any
 * case that show it.
 */
export function heatShares(image: PNG, screenCases: readonly Position[], cell: number) {
  const columns = Math.ceil(image.width / cell);
  const rows = Math.ceil(image.height / cell);
  const counts = new Array<number>(columns * rows).fill(0);
  for (const [x, y] of screenCases) {
    if (!inside(image, [x, y], 0)) continue;
    counts[Math.floor(y / cell) * columns + Math.floor(x / cell)]! += 1;
  }
  const centre = (index: number): Position => [
    ((index % columns) + 0.5) * cell,
    (Math.floor(index / columns) + 0.5) * cell,
  ];
  const busy = counts
    .map((count, index) => ({ count, index }))
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.count - a.count);
  const busiest = busy.slice(0, Math.max(5, Math.round(busy.length / 10)));
  const nearCase = (index: number) => {
    const [column, row] = [index % columns, Math.floor(index / columns)];
    for (let dr = -2; dr <= 2; dr += 1)
      for (let dc = -2; dc <= 2; dc += 1) {
        const c = column + dc;
        const r = row + dr;
        if (c >= 0 && r >= 0 && c < columns && r < rows && counts[r * columns + c]! > 0) return true;
      }
    return false;
  };
  const empty = counts
    .map((_, index) => index)
    .filter((index) => !nearCase(index) && inside(image, centre(index), cell));
  const share = (cells: readonly number[]) =>
    cells.filter((index) => anyNear(image, centre(index), cell / 2, isHeatCore)).length /
    Math.max(1, cells.length);
  return {
    busiest: share(busiest.map((entry) => entry.index)),
    empty: share(empty),
    busiestCells: busiest.length,
    emptyCells: empty.length,
  };
}

/** The share of positions with the online camera colour within `reach` pixels, at the positions and moved by `shift`. */
export function cameraShares(image: PNG, screenCameras: readonly Position[], reach: number, shift: number) {
  const shown = screenCameras.filter((position) => inside(image, position, shift + reach));
  const found = (moved: (position: Position) => Position) =>
    shown.filter((position) => anyNear(image, moved(position), reach, isOnlineCamera)).length /
    Math.max(1, shown.length);
  return { cameras: shown.length, at: found((p) => p), away: found(([x, y]) => [x + shift, y + shift]) };
}

/** Pixels of the early-warning ring's red ([189, 0, 38], opaque stroke) within `reach` of a point. */
export const ringPixelsNear = (image: PNG, at: Position, reach: number): number =>
  pixelsNear(image, at, reach, (r, g, b) => Math.abs(r - 189) + g + Math.abs(b - 38) < 60);

/** Pixels of a picture in the heat's core colour, or those passing `test`. */
export function heatPixels(image: PNG, test = isHeatCore): number {
  let count = 0;
  for (let offset = 0; offset < image.data.length; offset += 4)
    if (test(image.data[offset]!, image.data[offset + 1]!, image.data[offset + 2]!)) count += 1;
  return count;
}
