/**
 * A rate that keeps its numerator and denominator, so a panel can show "92.0 % · 6,973 / 7,579" and a rate over
 * zero cases reads "no data" instead of a misleading 0 % or 100 %.
 */
export interface Ratio {
  numerator: number;
  denominator: number;
}

export const emptyRatio = (): Ratio => ({ numerator: 0, denominator: 0 });

/** The rate as a fraction in [0, 1], or null when there is nothing to divide by ("no data"). */
export function rateOf(ratio: Ratio): number | null {
  return ratio.denominator === 0 ? null : ratio.numerator / ratio.denominator;
}

export function addRatios(a: Ratio, b: Ratio): Ratio {
  return { numerator: a.numerator + b.numerator, denominator: a.denominator + b.denominator };
}
