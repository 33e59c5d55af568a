import type { IndicatorFigures } from './indicators';
import { rateOf } from './ratio';

/** Indicators a ranking (红黑榜) can order by; for the case counts, fewer is better. */
export const rankableIndicators = [
  'resolutionRate',
  'satisfactionRate',
  'onTimeRate',
  'casesReported',
  'overdueCases',
  'volunteerHours',
] as const;
export type RankableIndicator = (typeof rankableIndicators)[number];

const lowerIsBetter: ReadonlySet<RankableIndicator> = new Set(['casesReported', 'overdueCases']);

export interface RankedUnit<T> {
  unit: T;
  value: number;
  rank: number;
}

export interface Ranking<T> {
  best: RankedUnit<T>[];
  worst: RankedUnit<T>[];
  /** Units left out because they had fewer cases than the threshold, or no data for the indicator. */
  excluded: T[];
}

export function indicatorValue(figures: IndicatorFigures, indicator: RankableIndicator): number | null {
  switch (indicator) {
    case 'resolutionRate':
    case 'satisfactionRate':
    case 'onTimeRate':
      return rateOf(figures[indicator]);
    default:
      return figures[indicator];
  }
}

/**
 * Rank child units by an indicator. A unit needs at least `minimumCases` closed cases to be ranked on a rate, so a
 * grid with two cases and 100 % doesn't top the list. Ties keep a stable order by the given unit order.
 */
export function rankUnits<T extends { figures: IndicatorFigures }>(
  units: readonly T[],
  indicator: RankableIndicator,
  options: { minimumCases: number; size: number },
): Ranking<T> {
  const eligible: { unit: T; value: number; order: number }[] = [];
  const excluded: T[] = [];
  units.forEach((unit, order) => {
    const value = indicatorValue(unit.figures, indicator);
    const isRate = indicator.endsWith('Rate');
    const enoughCases = !isRate || unit.figures.casesClosed >= options.minimumCases;
    if (value === null || !enoughCases) excluded.push(unit);
    else eligible.push({ unit, value, order });
  });
  const sign = lowerIsBetter.has(indicator) ? 1 : -1;
  eligible.sort((a, b) => sign * (a.value - b.value) || a.order - b.order);
  const ranked = eligible.map((entry, index) => ({ unit: entry.unit, value: entry.value, rank: index + 1 }));
  const size = Math.min(options.size, Math.ceil(ranked.length / 2));
  return { best: ranked.slice(0, size), worst: ranked.slice(-size).reverse(), excluded };
}
