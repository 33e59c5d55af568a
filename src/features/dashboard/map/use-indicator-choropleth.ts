import { useMemo } from 'react';
import { indicatorValue, isRate } from '../../../domain/indicator-registry';
import { rankableIndicators, type RankableIndicator } from '../../../domain/ranking';
import { useIndicators } from '../../../data/queries';
import { choroplethOf, type Choropleth } from '../../../map/choropleth';
import { useViewSettings } from '../../../ui/view-state';
import { useFocus } from '../review/use-focus';
import { useReviewPeriod } from '../review/use-review-period';

export const isRankable = (value: string | null): value is RankableIndicator =>
  rankableIndicators.some((indicator) => indicator === value);

/**
 * The map's indicator choropleth: the URL's ?indicator= over the focused unit's children, for the same window as
 * the review panel (the same query, so the map and the panel always show the same figures).
 */
export function useIndicatorChoropleth(): {
  indicator: RankableIndicator | null;
  choropleth: Choropleth | null;
} {
  const [view] = useViewSettings();
  const focus = useFocus();
  const period = useReviewPeriod();
  const indicator = isRankable(view.indicator) ? view.indicator : null;
  const query =
    indicator && focus?.childLevel
      ? { region: focus.id, from: period.from, to: period.to, interval: period.interval }
      : null;
  const indicators = useIndicators(query);
  const childLevel = focus?.childLevel ?? null;
  const choropleth = useMemo(() => {
    if (!indicator || !indicators.data || !childLevel) return null;
    const units = indicators.data.children.map((child) => ({
      id: child.id,
      value: indicatorValue(child, indicator),
    }));
    return choroplethOf(units, childLevel === 'grid' ? 'grids' : 'regions', isRate(indicator));
  }, [indicator, indicators.data, childLevel]);
  return { indicator, choropleth };
}
