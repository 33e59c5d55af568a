import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  Rectangle,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from 'recharts';
import { caseCategories, caseChannels } from '../../../domain/case';
import { caseBreakdown } from '../../../domain/case-breakdown';
import { caseFunnel } from '../../../domain/case-funnel';
import { LayerAlert } from '../../../ui/layer-alert';
import { formatCount } from '../../../ui/format';
import { useViewSettings } from '../../../ui/view-state';
import type { ReviewCases } from './use-review-cases';

interface BarRow {
  code: string;
  name: string;
  count: number;
}

const barColour = '#2c7fb8';
const mutedColour = '#b8cfe0';

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
  return (
    <figure className="breakdown__chart" data-breakdown={kind}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={rows.length * 20 + 12}>
        <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 24, bottom: 0, left: 0 }}>
          <XAxis type="number" hide />
          <YAxis type="category" dataKey="name" width={96} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Bar
            dataKey="count"
            isAnimationActive={false}
            label={{ position: 'right', fontSize: 11 }}
            cursor="pointer"
            onClick={(_, index) => {
              const row = rows[index];
              if (row) onToggle(row.code);
            }}
            shape={(props: BarShapeProps) => {
              const code = rows[props.index]?.code ?? '';
              return (
                <Rectangle
                  {...props}
                  fill={chosen.size === 0 || chosen.has(code) ? barColour : mutedColour}
                  data-code={code}
                />
              );
            }}
          />
        </BarChart>
      </ResponsiveContainer>
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
