import { PNG } from 'pngjs';
import { mapBackground as styleBackground } from '../../src/map/base-style';
import { gridTypeColours } from '../../src/map/grid-fill';

/**
 * Count the pixels of a screenshot that differ from a background colour: the proof that the map drew something,
 * taken from pixels rather than from the DOM (a canvas can exist and be blank).
 */
export function countNonBackgroundPixels(
  png: Buffer,
  background: [number, number, number],
  tolerance = 12,
): { changed: number; total: number } {
  const image = PNG.sync.read(png);
  let changed = 0;
  for (let offset = 0; offset < image.data.length; offset += 4) {
    const dr = Math.abs((image.data[offset] ?? 0) - background[0]);
    const dg = Math.abs((image.data[offset + 1] ?? 0) - background[1]);
    const db = Math.abs((image.data[offset + 2] ?? 0) - background[2]);
    if (dr + dg + db > tolerance) changed += 1;
  }
  return { changed, total: image.width * image.height };
}

/** Count pixels close to a given colour (e.g. a layer's own colour), to show a toggle removed that layer. */
export function countPixelsNear(png: Buffer, colour: [number, number, number], tolerance = 30): number {
  const image = PNG.sync.read(png);
  let count = 0;
  for (let offset = 0; offset < image.data.length; offset += 4) {
    const d =
      Math.abs((image.data[offset] ?? 0) - colour[0]) +
      Math.abs((image.data[offset + 1] ?? 0) - colour[1]) +
      Math.abs((image.data[offset + 2] ?? 0) - colour[2]);
    if (d <= tolerance) count += 1;
  }
  return count;
}

/** Count the pixels that differ between two screenshots of the same size: how much of a view a change repainted. */
export function countChangedPixels(a: Buffer, b: Buffer, tolerance = 24): { changed: number; total: number } {
  const first = PNG.sync.read(a);
  return {
    changed: changedPixels(first, PNG.sync.read(b), { tolerance }),
    total: first.width * first.height,
  };
}

/**
 * The pixels that differ (by more than `tolerance`, summed over RGB) between two pictures of the same size: all
 * of them, or those within `reach` pixels of the point `near`.
 */
export function changedPixels(
  a: PNG,
  b: PNG,
  { near, reach = 30, tolerance = 30 }: { near?: [number, number]; reach?: number; tolerance?: number } = {},
): number {
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`screenshots differ in size: ${a.width}×${a.height} and ${b.width}×${b.height}`);
  }
  const [left, right] = near ? [near[0] - reach, near[0] + reach] : [0, a.width];
  const [top, bottom] = near ? [near[1] - reach, near[1] + reach] : [0, a.height];
  let changed = 0;
  for (let y = Math.max(0, Math.ceil(top)); y <= Math.min(a.height - 1, bottom); y += 1)
    for (let x = Math.max(0, Math.ceil(left)); x <= Math.min(a.width - 1, right); x += 1) {
      const index = (y * a.width + x) * 4;
      const delta =
        Math.abs(a.data[index]! - b.data[index]!) +
        Math.abs(a.data[index + 1]! - b.data[index + 1]!) +
        Math.abs(a.data[index + 2]! - b.data[index + 2]!);
      if (delta > tolerance) changed += 1;
    }
  return changed;
}

export type Rgb = [number, number, number];

/** The default base map's background colour, as the style paints it. */
export const mapBackground: Rgb = [...styleBackground];

/** A '#rrggbb' colour as RGB. */
export const rgbOf = (hex: string): Rgb => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as Rgb;

// Grid fill by type at 55 % over the background, as the map paints it.
const gridTypeFills: Rgb[] = Object.values(gridTypeColours)
  .map(rgbOf)
  .map(
    (colour) => colour.map((value, index) => Math.round(0.55 * value + 0.45 * mapBackground[index]!)) as Rgb,
  );

/** How many pixels show a grid filled by its type: the proof the grid layer drew. */
export const gridPixels = (png: Buffer): number =>
  gridTypeFills.reduce((sum, colour) => sum + countPixelsNear(png, colour, 24), 0);

/** A screenshot read once, asked at many places whether a grid's fill (any type) is drawn there. */
export function gridFillReader(png: Buffer, tolerance = 24): (x: number, y: number) => boolean {
  const image = PNG.sync.read(png);
  return (x, y) => {
    const offset = (Math.round(y) * image.width + Math.round(x)) * 4;
    const pixel = [image.data[offset] ?? 0, image.data[offset + 1] ?? 0, image.data[offset + 2] ?? 0];
    return gridTypeFills.some(
      (colour) =>
        colour.reduce((sum, value, index) => sum + Math.abs(value - (pixel[index] ?? 0)), 0) <= tolerance,
    );
  };
}
