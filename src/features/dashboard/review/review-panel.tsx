import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useDataSource } from '../../../data/data-source-context';
import { incompletenessOf } from '../../../data/incompleteness';
import { useLayerFailure } from '../../../data/layer-failure';
import { dataQueries, useIndicators } from '../../../data/queries';
import { LayerAlert } from '../../../ui/layer-alert';
import { useFirstMap } from '../first-map';
import { Breadcrumb } from './breadcrumb';
import { BreakdownCharts } from './breakdown-charts';
import { Briefing } from './briefing';
import { ComparePanel } from './compare-panel';
import { KpiCards } from './kpi-cards';
import { Rankings } from './rankings';
import { TrendChart } from './trend-chart';
import { useFocus } from './use-focus';
import { useReviewCases } from './use-review-cases';
import { useReviewPeriod } from './use-review-period';
import { WindowPicker } from '../../../ui/window-picker';

// The key-site coverage and its spatial index load after the first map, apart from the first screen's code.
const KeySiteCoverage = lazy(() => import('./key-site-coverage'));

/** The leader's review beside the map: where am I, how is it doing, where is it worst. */
export function ReviewPanel() {
  const { t } = useTranslation('review');
  const focus = useFocus();
  const period = useReviewPeriod();
  // Read after the map's first complete draw (first-map.tsx): the panel shows its heading meanwhile.
  const { shown: mapShown } = useFirstMap();
  const query = (from: string, to: string) =>
    focus && mapShown ? { region: focus.id, from, to, interval: period.interval } : null;
  const current = useIndicators(query(period.from, period.to));
  const previous = useIndicators(query(period.previousFrom, period.previousTo));
  const currentQuery = query(period.from, period.to);
  const failure = useLayerFailure(
    dataQueries.indicators(useDataSource(), currentQuery ?? { region: '', from: '', to: '', interval: 'day' })
      .queryKey,
    currentQuery !== null,
  );
  const reviewCases = useReviewCases(mapShown ? focus : null, period);
  if (!focus) return <p className="review__loading">{t('loading')}</p>;
  return (
    <div className="review" data-region={focus.id}>
      <Breadcrumb focus={focus} />
      <div className="review__tools">
        <WindowPicker />
        <Briefing focus={focus} period={period} dataTime={current.data?.dataTime ?? null} />
      </div>
      <LayerAlert
        layer="indicators"
        error={current.error}
        failure={failure}
        onRetry={() => void current.refetch()}
      />
      {current.isPending && <p className="review__loading">{t('loading')}</p>}
      {current.data && (
        <>
          <KpiCards
            current={current.data}
            previous={previous.data}
            outsideGrids={reviewCases.outsideGrids}
            incomplete={incompletenessOf(current.data)}
          />
          <TrendChart indicators={current.data} />
          <BreakdownCharts reviewCases={reviewCases} />
          <ComparePanel focus={focus} period={period} current={current.data} />
          <Rankings units={current.data.children} outsideGrids={reviewCases.outsideGrids} />
        </>
      )}
      {mapShown && (
        <Suspense fallback={null}>
          <KeySiteCoverage focus={focus} />
        </Suspense>
      )}
    </div>
  );
}
