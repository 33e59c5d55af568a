/**
 * The sign of `ay * bx - ax * by`, exact for any doubles: the determinant turf's point-in-polygon
 * (point-in-polygon-hao, through robust-predicates' `orient2d(ax, ay, bx, by, 0, 0)`) uses to decide on which side
 * of an edge a point lies. Reproducing its exact arithmetic is what makes the indexed join agree with turf on
 * points that sit on or a rounding error away from a boundary.
 *
 * The fast path is robust-predicates' error filter; past it, the two products are computed exactly (Dekker's
 * two-product with Veltkamp splitting) and the sign of their difference is read off a four-term expansion. With
 * the third point at the origin the input tails are zero, so this first exact stage is already the final answer.
 */
const epsilon = 1.1102230246251565e-16;
const splitter = 134217729;
const errorBoundA = (3 + 16 * epsilon) * epsilon;

export function orientationSign(ax: number, ay: number, bx: number, by: number): number {
  const left = ay * bx;
  const right = ax * by;
  const determinant = left - right;
  if (left === 0 || right === 0 || left > 0 !== right > 0) return Math.sign(determinant);
  if (Math.abs(determinant) >= errorBoundA * Math.abs(left + right)) return Math.sign(determinant);
  return exactSign(ay, bx, ax, by);
}

/**
 * Sign of `p * q - r * s` computed without rounding: both products as exact (high, low) pairs, their difference
 * as a nonoverlapping four-component expansion (Shewchuk's two-two-diff), whose largest nonzero component carries
 * the sign.
 */
function exactSign(p: number, q: number, r: number, s: number): number {
  const s1 = p * q;
  const s0 = twoProductTail(p, q, s1);
  const t1 = r * s;
  const t0 = twoProductTail(r, s, t1);
  let low = s0 - t0;
  let virtual = s0 - low;
  const b0 = s0 - (low + virtual) + (virtual - t0);
  const high = s1 + low;
  virtual = high - s1;
  const middle = s1 - (high - virtual) + (low - virtual);
  low = middle - t1;
  virtual = middle - low;
  const b1 = middle - (low + virtual) + (virtual - t1);
  const b3 = high + low;
  virtual = b3 - high;
  const b2 = high - (b3 - virtual) + (low - virtual);
  if (b3 !== 0) return Math.sign(b3);
  if (b2 !== 0) return Math.sign(b2);
  if (b1 !== 0) return Math.sign(b1);
  return Math.sign(b0);
}

function twoProductTail(a: number, b: number, product: number): number {
  const aSplit = splitter * a;
  const aHigh = aSplit - (aSplit - a);
  const aLow = a - aHigh;
  const bSplit = splitter * b;
  const bHigh = bSplit - (bSplit - b);
  const bLow = b - bHigh;
  return aLow * bLow - (product - aHigh * bHigh - aLow * bHigh - aHigh * bLow);
}
