import { useTranslation } from 'react-i18next';
import type { IndicatorsResponse } from '../../contract/schemas/contract.schema';
import { formatPercent, formatPublicCount } from '../../ui/format';
import { rateOf } from '../../domain/ratio';

const rateKeys = ['resolutionRate', 'satisfactionRate', 'onTimeRate'] as const;
const countKeys = ['casesReported', 'openCases', 'overdueCases', 'volunteerHours'] as const;

interface WallKpisProps {
  indicators: IndicatorsResponse | undefined;
  minimumCount: number;
}

/**
 * The headline figures, big. Rates carry their counts ("6,973 / 7,579") as everywhere in the product; every
 * count goes through the public-screen rule, so a small unit's handful of cases reads "<3".
 */
export function WallKpis({ indicators, minimumCount }: WallKpisProps) {
  const { t, i18n } = useTranslation('wall');
  const language = i18n.language;
  const count = (value: number) => formatPublicCount(value, minimumCount, language);
  const figures = indicators?.figures;
  return (
    <section className="wall-kpis" aria-label={t('kpi.title')}>
      <h2 className="wall-panel__title">
        {indicators ? t('kpi.heading', { unit: indicators.region.name }) : t('kpi.title')}
      </h2>
      <div className="wall-kpis__rates">
        {rateKeys.map((key) => {
          const ratio = figures?.[key];
          const rate = ratio ? formatPercent(rateOf(ratio), language) : null;
          return (
            <article key={key} className="wall-kpi wall-kpi--rate" data-indicator={key}>
              <h3 className="wall-kpi__label">{t(`kpi.${key}`)}</h3>
              <p className="wall-kpi__value">{rate ?? t('noData')}</p>
              <p className="wall-kpi__fraction">
                {ratio ? `${count(ratio.numerator)} / ${count(ratio.denominator)}` : '—'}
              </p>
            </article>
          );
        })}
      </div>
      <div className="wall-kpis__counts">
        {countKeys.map((key) => (
          <article key={key} className="wall-kpi wall-kpi--count" data-indicator={key}>
            <h3 className="wall-kpi__label">{t(`kpi.${key}`)}</h3>
            <p className="wall-kpi__value">{figures ? count(Math.round(figures[key])) : '—'}</p>
            <p className="wall-kpi__fraction">{t(`unit.${key}`)}</p>
          </article>
        ))}
      </div>
    </section>
  );
}
