/**
 * Plane geometry on lng/lat rings, enough for layout decisions (which side, which is bigger, where is the middle).
 * Rings here are open (first vertex not repeated) unless a function says otherwise.
 */
export type Point = readonly [number, number];

/** Signed shoelace area: positive when counter-clockwise (x east, y north). */
export function signedArea(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  let area = 0;
  for (let i = 0, j = xs.length - 1; i < xs.length; j = i++) {
    area += ((xs[j] ?? 0) - (xs[i] ?? 0)) * ((ys[j] ?? 0) + (ys[i] ?? 0));
  }
  return area / 2;
}

export function ringSignedArea(ring: readonly (readonly number[])[]): number {
  return signedArea(
    ring.map((point) => point[0] ?? 0),
    ring.map((point) => point[1] ?? 0),
  );
}

export function ringCentroid(ring: readonly (readonly number[])[]): [number, number] {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    const cross = xj * yi - xi * yj;
    area += cross;
    cx += (xj + xi) * cross;
    cy += (yj + yi) * cross;
  }
  if (area === 0) return [ring[0]?.[0] ?? 0, ring[0]?.[1] ?? 0];
  return [cx / (3 * area), cy / (3 * area)];
}

/** Even–odd test; works for closed and open rings alike. */
export function insideRing(x: number, y: number, ring: readonly (readonly number[])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and outside every hole. */
export function insidePolygon(
  x: number,
  y: number,
  rings: readonly (readonly (readonly number[])[])[],
): boolean {
  const [outer, ...holes] = rings;
  return outer !== undefined && insideRing(x, y, outer) && !holes.some((hole) => insideRing(x, y, hole));
}

export type Bbox = [west: number, south: number, east: number, north: number];

export function bboxOf(points: Iterable<readonly number[]>): Bbox {
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = 0, y = 0] of points) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  return box;
}

/** Whether segments ab and cd may meet: exact for crossings, and says yes for any touching or collinear case. */
export function segmentsMayMeet(a: Point, b: Point, c: Point, d: Point): boolean {
  const orient = (p: Point, q: Point, r: Point) =>
    (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  const d1 = orient(c, d, a);
  const d2 = orient(c, d, b);
  const d3 = orient(a, b, c);
  const d4 = orient(a, b, d);
  return (d1 > 0 !== d2 > 0 || d1 === 0 || d2 === 0) && (d3 > 0 !== d4 > 0 || d3 === 0 || d4 === 0);
}
