import { useTranslation } from 'react-i18next';
import { rateOf } from '../../../domain/ratio';
import type { IndicatorsResponse } from '../../../contract/schemas/contract.schema';
import { ChartSlot, TrendPlot } from './chart-slot';

/** Cases per day (bars) with resolution and satisfaction rates over time (lines, right axis). */
export function TrendChart({ indicators }: { indicators: IndicatorsResponse }) {
  const { t } = useTranslation('review');
  const data = indicators.series.map((point) => {
    const resolution = rateOf(point.figures.resolutionRate);
    const satisfaction = rateOf(point.figures.satisfactionRate);
    return {
      day: point.start.slice(5, 10),
      cases: point.figures.casesReported,
      resolution: resolution === null ? null : Math.round(resolution * 1000) / 10,
      satisfaction: satisfaction === null ? null : Math.round(satisfaction * 1000) / 10,
    };
  });
  return (
    <figure className="trend-chart">
      <figcaption>{t('trend.title')}</figcaption>
      <ChartSlot height={200}>
        <TrendPlot
          data={data}
          names={{
            cases: t('trend.cases'),
            resolution: t('indicator.resolutionRate'),
            satisfaction: t('indicator.satisfactionRate'),
          }}
        />
      </ChartSlot>
    </figure>
  );
}
