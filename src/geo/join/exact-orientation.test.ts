import { describe, expect, it } from 'vitest';
import { orientationSign } from './exact-orientation';

/** A double as an exact BigInt numerator over 2^1100, enough for any finite double in this range. */
function exact(value: number): bigint {
  const scale = 1100n;
  let scaled = 0n;
  let remainder = Math.abs(value);
  // Peel off powers of two: exact because every step subtracts a representable power of two.
  for (let power = 1023; power >= -1074 && remainder > 0; power--) {
    const bit = 2 ** power;
    if (remainder >= bit) {
      remainder -= bit;
      scaled += 1n << (scale + BigInt(power));
    }
  }
  return value < 0 ? -scaled : scaled;
}

const exactSign = (ax: number, ay: number, bx: number, by: number) => {
  const determinant = exact(ay) * exact(bx) - exact(ax) * exact(by);
  return determinant === 0n ? 0 : determinant > 0n ? 1 : -1;
};

describe('orientationSign', () => {
  it('agrees with exact arithmetic where plain floating point gets the sign wrong', () => {
    let disagreementsOfNaiveFormula = 0;
    const ulp = 2 ** -53;
    // Kettner et al.'s classroom example: points a few ulps around the line through (12, 12) and (24, 24).
    // (u1, u2) are the two vertices' x relative to the point, (v1, v2) their y, as in the join's crossing test.
    for (let i = 0; i < 48; i++) {
      for (let j = 0; j < 48; j++) {
        const [px, py] = [0.5 + i * ulp, 0.5 + j * ulp];
        const [u1, u2, v1, v2] = [12 - px, 24 - px, 12 - py, 24 - py];
        const expected = exactSign(u1, u2, v1, v2);
        expect(orientationSign(u1, u2, v1, v2)).toBe(expected);
        if (Math.sign(u2 * v1 - u1 * v2) !== expected) disagreementsOfNaiveFormula += 1;
      }
    }
    expect(disagreementsOfNaiveFormula).toBeGreaterThan(0);
  });

  it('is zero exactly for collinear points and signed otherwise', () => {
    expect(orientationSign(1, 2, 2, 4)).toBe(0);
    expect(orientationSign(1, 2, 2, 5)).toBe(-1);
    expect(orientationSign(1, 2, 3, 4)).toBe(1);
  });
});
