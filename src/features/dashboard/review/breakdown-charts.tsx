import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { caseBreakdown } from '../../../domain/case-breakdown';
import { caseFunnel } from '../../../domain/case-funnel';
import { useCases } from '../../../data/queries';
import { LayerAlert } from '../../../ui/layer-alert';
import { formatCount } from '../../../ui/format';
import type { FocusUnit } from './use-focus';
import type { ReviewPeriod } from './use-review-period';

function Bars({ title, rows }: { title: string; rows: { name: string; count: number }[] }) {
  return (
    <figure className="breakdown__chart">
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={rows.length * 20 + 12}>
        <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 24, bottom: 0, left: 0 }}>
          <XAxis type="number" hide />
          <YAxis type="category" dataKey="name" width={96} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Bar
            dataKey="count"
            fill="#2c7fb8"
            isAnimationActive={false}
            label={{ position: 'right', fontSize: 11 }}
          />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** What the window's cases are: by category, by channel, and how far they got through the six-step loop. */
export function BreakdownCharts({ focus, period }: { focus: FocusUnit; period: ReviewPeriod }) {
  const { t, i18n } = useTranslation('review');
  const cases = useCases({ from: period.from, to: period.to, region: focus.id });
  const summary = useMemo(() => {
    const features = cases.data?.features.map((feature) => feature.properties) ?? [];
    return { breakdown: caseBreakdown(features), funnel: caseFunnel(features) };
  }, [cases.data]);
  const sortedRows = (counts: Record<string, number>, prefix: string) =>
    Object.entries(counts)
      .map(([key, count]) => ({ name: t(`${prefix}.${key}`), count }))
      .sort((a, b) => b.count - a.count);
  return (
    <section className="breakdown" aria-label={t('breakdown.title')}>
      <h2>
        {t('breakdown.title')}
        {cases.data && (
          <span className="breakdown__total">{t('breakdown.total', { count: summary.breakdown.total })}</span>
        )}
      </h2>
      <LayerAlert layer="cases" error={cases.error} onRetry={() => void cases.refetch()} />
      {cases.isPending && <p className="review__loading">{t('breakdown.loading')}</p>}
      {cases.data && (
        <>
          <Bars
            title={t('breakdown.byCategory')}
            rows={sortedRows(summary.breakdown.byCategory, 'category')}
          />
          <Bars title={t('breakdown.byChannel')} rows={sortedRows(summary.breakdown.byChannel, 'channel')} />
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
