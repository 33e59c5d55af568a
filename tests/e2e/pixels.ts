import { PNG } from 'pngjs';

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
  const second = PNG.sync.read(b);
  if (first.width !== second.width || first.height !== second.height) {
    throw new Error(
      `screenshots differ in size: ${first.width}×${first.height} and ${second.width}×${second.height}`,
    );
  }
  let changed = 0;
  for (let offset = 0; offset < first.data.length; offset += 4) {
    const d =
      Math.abs((first.data[offset] ?? 0) - (second.data[offset] ?? 0)) +
      Math.abs((first.data[offset + 1] ?? 0) - (second.data[offset + 1] ?? 0)) +
      Math.abs((first.data[offset + 2] ?? 0) - (second.data[offset + 2] ?? 0));
    if (d > tolerance) changed += 1;
  }
  return { changed, total: first.width * first.height };
}
