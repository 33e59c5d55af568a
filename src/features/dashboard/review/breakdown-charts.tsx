import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { caseCategories, caseChannels } from '../../../domain/case';
import { caseBreakdown } from '../../../domain/case-breakdown';
import { caseFunnel } from '../../../domain/case-funnel';
import { LayerAlert } from '../../../ui/layer-alert';
import { formatCount } from '../../../ui/format';
import { useViewSettings } from '../../../ui/view-state';
import { BarsPlot, ChartSlot } from './chart-slot';
import type { BarRow } from './review-charts';
import type { ReviewCases } from './use-review-cases';

/**
 * A clickable bar per code: a click narrows the whole view to it (the cases heatmap, counts and lists follow, via
 * the URL), a second click lifts it. Chosen bars stay dark, the others pale.
 */
function Bars({
  title,
  kind,
  rows,
  chosen,
  onToggle,
}: {
  title: string;
  kind: 'category' | 'channel';
  rows: BarRow[];
  chosen: ReadonlySet<string>;
  onToggle: (code: string) => void;
}) {
  // The chart and its placeholder take the same room: nothing below moves when the chart arrives.
  const height = rows.length * 20 + 12;
  return (
    <figure className="breakdown__chart" data-breakdown={kind}>
      <figcaption>{title}</figcaption>
      <ChartSlot height={height}>
        <BarsPlot rows={rows} height={height} chosen={chosen} onToggle={onToggle} />
      </ChartSlot>
    </figure>
  );
}

function toggledCode<T extends string>(set: ReadonlySet<T>, dictionary: readonly T[], code: string): Set<T> {
  const next = new Set(set);
  const known = dictionary.find((value) => value === code);
  if (known === undefined) return next;
  if (next.has(known)) next.delete(known);
  else next.add(known);
  return next;
}

/** What the window's cases are: by category, by channel, and how far they got through the six-step loop. */
export function BreakdownCharts({ reviewCases }: { reviewCases: ReviewCases }) {
  const { t, i18n } = useTranslation('review');
  const [view, setView] = useViewSettings();
  const { query: cases, failure, inGrids } = reviewCases;
  const summary = useMemo(() => {
    const counted = inGrids ?? [];
    return { breakdown: caseBreakdown(counted), funnel: caseFunnel(counted) };
  }, [inGrids]);
  const sortedRows = (counts: Record<string, number>, prefix: string): BarRow[] =>
    Object.entries(counts)
      .map(([code, count]) => ({ code, name: t(`${prefix}.${code}`), count }))
      .sort((a, b) => b.count - a.count);
  const narrowed = view.categories.size + view.channels.size > 0;
  const chosenNames = new Intl.ListFormat(i18n.language, { type: 'disjunction' }).format([
    ...[...view.categories].map((code) => t(`category.${code}`)),
    ...[...view.channels].map((code) => t(`channel.${code}`)),
  ]);
  return (
    <section className="breakdown" aria-label={t('breakdown.title')}>
      <h2>
        {t('breakdown.title')}
        {inGrids && (
          <span className="breakdown__total">{t('breakdown.total', { count: summary.breakdown.total })}</span>
        )}
      </h2>
      <LayerAlert layer="cases" error={cases.error} failure={failure} onRetry={() => void cases.refetch()} />
      {cases.isPending && <p className="review__loading">{t('breakdown.loading')}</p>}
      {inGrids && (
        <>
          <p className="breakdown__filter" data-testid="breakdown-filter">
            {narrowed ? t('breakdown.filtered', { names: chosenNames }) : t('breakdown.filterHint')}
            {narrowed && (
              <button
                type="button"
                className="breakdown__clear"
                onClick={() => setView({ categories: new Set(), channels: new Set() })}
              >
                {t('breakdown.clearFilter')}
              </button>
            )}
          </p>
          <Bars
            title={t('breakdown.byCategory')}
            kind="category"
            rows={sortedRows(summary.breakdown.byCategory, 'category')}
            chosen={view.categories}
            onToggle={(code) => setView({ categories: toggledCode(view.categories, caseCategories, code) })}
          />
          <Bars
            title={t('breakdown.byChannel')}
            kind="channel"
            rows={sortedRows(summary.breakdown.byChannel, 'channel')}
            chosen={view.channels}
            onToggle={(code) => setView({ channels: toggledCode(view.channels, caseChannels, code) })}
          />
          <table className="breakdown__funnel">
            <caption>{t('breakdown.funnel')}</caption>
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">{t('breakdown.reached')}</th>
                <th scope="col">{t('breakdown.current')}</th>
                <th scope="col">{t('breakdown.median')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.funnel.map((step) => (
                <tr key={step.stage} data-stage={step.stage}>
                  <th scope="row">{t(`stage.${step.stage}`)}</th>
                  <td>
                    <span
                      className="breakdown__funnel-bar"
                      style={{
                        width: `${summary.breakdown.total ? (step.reached / summary.breakdown.total) * 100 : 0}%`,
                      }}
                    />
                    <span className="breakdown__funnel-value">
                      {formatCount(step.reached, i18n.language)}
                    </span>
                  </td>
                  <td>{formatCount(step.current, i18n.language)}</td>
                  <td>
                    {step.medianHours === null
                      ? '—'
                      : t('breakdown.hours', { value: step.medianHours.toFixed(1) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
