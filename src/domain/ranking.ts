import {
  indicatorRegistry,
  indicators,
  indicatorValue,
  isRate,
  type Indicator,
  type UnitIndicators,
} from './indicator-registry';

/** Indicators a ranking (红黑榜) or the choropleth can order by: the registry's rankable ones. */
export const rankableIndicators = indicators.filter((key) => indicatorRegistry[key].rankable);
export type RankableIndicator = Indicator;

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

/**
 * Rank child units by an indicator. A unit needs at least `minimumCases` closed cases to be ranked on a rate, so a
 * grid with two cases and 100 % doesn't top the list. Ties keep a stable order by the given unit order.
 */
export function rankUnits<T extends UnitIndicators>(
  units: readonly T[],
  indicator: RankableIndicator,
  options: { minimumCases: number; size: number },
): Ranking<T> {
  const eligible: { unit: T; value: number; order: number }[] = [];
  const excluded: T[] = [];
  units.forEach((unit, order) => {
    const value = indicatorValue(unit, indicator);
    const enoughCases = !isRate(indicator) || unit.figures.casesClosed >= options.minimumCases;
    if (value === null || !enoughCases) excluded.push(unit);
    else eligible.push({ unit, value, order });
  });
  const sign = indicatorRegistry[indicator].lowerIsBetter ? 1 : -1;
  eligible.sort((a, b) => sign * (a.value - b.value) || a.order - b.order);
  const ranked = eligible.map((entry, index) => ({ unit: entry.unit, value: entry.value, rank: index + 1 }));
  const size = Math.min(options.size, Math.ceil(ranked.length / 2));
  return { best: ranked.slice(0, size), worst: ranked.slice(-size).reverse(), excluded };
}
