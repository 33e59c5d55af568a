/**
 * Every vertex of a county's cells, stored once. Clipping computes the point where a cell edge leaves the outline
 * separately for the two cells on either side, and the two results can differ in the last bits; snapping them to
 * one entry makes neighbours share vertices exactly, so a shared edge is the same pair of ids on both sides and a
 * union is a matter of cancelling edges (see rings.ts).
 */
export interface VertexTable {
  xs: number[];
  ys: number[];
  /** The id of the vertex at (x, y), adding it unless one lies within the snap tolerance. */
  add(x: number, y: number): number;
}

/** About 0.1 mm: far below the 6-decimal output precision, far above floating-point noise. */
const tolerance = 1e-9;

export function createVertexTable(): VertexTable {
  const xs: number[] = [];
  const ys: number[] = [];
  const buckets = new Map<string, number[]>();
  const bucketKey = (ix: number, iy: number) => `${ix},${iy}`;
  return {
    xs,
    ys,
    add(x, y) {
      const ix = Math.floor(x / tolerance);
      const iy = Math.floor(y / tolerance);
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          for (const id of buckets.get(bucketKey(ix + dx, iy + dy)) ?? []) {
            if (Math.abs((xs[id] ?? 0) - x) <= tolerance && Math.abs((ys[id] ?? 0) - y) <= tolerance)
              return id;
          }
        }
      }
      const id = xs.length;
      xs.push(x);
      ys.push(y);
      const key = bucketKey(ix, iy);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(id);
      else buckets.set(key, [id]);
      return id;
    },
  };
}
