import { rateOf, type Ratio } from '../domain/ratio';

/**
 * Number formats shared by every panel, so "92.0 % · 6,973 / 7,579" reads the same on the dashboard and the wall.
 * A rate over zero cases is null here and shown as "no data" by the caller (never 0 % or 100 %).
 */
export function formatPercent(rate: number | null, language: string, digits = 1): string | null {
  if (rate === null) return null;
  return new Intl.NumberFormat(language, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(rate);
}

export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(value);
}

export interface RateText {
  /** "92.0%", or null for no data. */
  rate: string | null;
  /** "6,973 / 7,579". */
  fraction: string;
}

export function formatRatio(ratio: Ratio, language: string): RateText {
  return {
    rate: formatPercent(rateOf(ratio), language),
    fraction: `${formatCount(ratio.numerator, language)} / ${formatCount(ratio.denominator, language)}`,
  };
}

/** Public screens hide small counts that could identify a household: below `minimum` shows as "<minimum". */
export function formatPublicCount(value: number, minimum: number, language: string): string {
  return value > 0 && value < minimum ? `<${minimum}` : formatCount(value, language);
}
