import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  ComposedChart,
  Bar,
  Line,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { rateOf } from '../../../domain/ratio';
import type { IndicatorsResponse } from '../../../contract/schemas/contract.schema';

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
      <ResponsiveContainer width="100%" height={200}>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d8dee8" />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={16} />
          <YAxis yAxisId="count" tick={{ fontSize: 11 }} allowDecimals={false} />
          <YAxis yAxisId="rate" orientation="right" domain={[50, 100]} tick={{ fontSize: 11 }} unit="%" />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar
            yAxisId="count"
            dataKey="cases"
            name={t('trend.cases')}
            fill="#7aa6e0"
            isAnimationActive={false}
          />
          <Line
            yAxisId="rate"
            dataKey="resolution"
            name={t('indicator.resolutionRate')}
            stroke="#0b3d91"
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            yAxisId="rate"
            dataKey="satisfaction"
            name={t('indicator.satisfactionRate')}
            stroke="#e07b00"
            strokeDasharray="4 2"
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
