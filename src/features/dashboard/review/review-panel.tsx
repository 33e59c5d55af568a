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
import { useViewSettings } from '../../../ui/view-state';
import type { DepartmentId } from '../../../domain/department';
import { useCasesWorkspace } from '../cases/cases-context';
import { formatChinaDay } from '../../../domain/china-time';

// Below the fold and read by few: its own chunk, loaded once the indicators are in.
const DepartmentLeague = lazy(() => import('./department-league'));
// Beside it, as rarely read: the grid workers' assessment (考核) and its scorecards.
const WorkerAssessment = lazy(() => import('./assessment/worker-assessment'));

/**
 * The league table's drill: the department's overdue cases on the map (the cases layer on, the case view narrowed
 * to them, named in the filters' chip), with the cases tab open beside it.
 */
function useDepartmentDrill(onShowCases: (() => void) | undefined) {
  const { filters, setFilters } = useCasesWorkspace();
  const [view, setView] = useViewSettings();
  return (department: DepartmentId) => {
    setFilters({ ...filters, departments: new Set([department]), overdueOnly: true });
    setView({ layers: new Set([...view.layers, 'cases']) });
    onShowCases?.();
  };
}

// The key-site coverage and its spatial index load after the first map, apart from the first screen's code.
const KeySiteCoverage = lazy(() => import('./key-site-coverage'));

/** The leader's review beside the map: where am I, how is it doing, where is it worst. */
export function ReviewPanel({ onShowCases }: { onShowCases?: () => void } = {}) {
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
  const drillDepartment = useDepartmentDrill(onShowCases);
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
          <Suspense fallback={<p className="review__loading">{t('loading')}</p>}>
            <DepartmentLeague departments={current.data.departments} onDrill={drillDepartment} />
          </Suspense>
          <Suspense fallback={null}>
            <WorkerAssessment
              cases={reviewCases.inGrids}
              fileName={`gridboard-${focus.id}-${formatChinaDay(period.period.to - 1)}-assessment`}
            />
          </Suspense>
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
