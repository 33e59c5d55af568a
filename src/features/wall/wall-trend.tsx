import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { IndicatorsResponse } from '../../contract/schemas/contract.schema';
import { rateOf } from '../../domain/ratio';

/** No tick at the axis' foot, where it would sit on the last date's label. */
const rateTicks = [60, 70, 80, 90, 100];
const percentOf = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

/** Cases per day with the resolution rate, dark and large, without tooltips (nobody hovers a wall). */
export function WallTrend({
  indicators,
  unit,
}: {
  indicators: IndicatorsResponse | undefined;
  unit: number;
}) {
  const { t } = useTranslation('wall');
  const data = (indicators?.series ?? []).map((point) => ({
    day: point.start.slice(5, 10),
    cases: point.figures.casesReported,
    resolution: percentOf(rateOf(point.figures.resolutionRate)),
  }));
  const tick = { fontSize: 18 * unit, fill: '#b9c8e0' };
  return (
    <section className="wall-trend" aria-label={t('trend.title')}>
      <h2 className="wall-panel__title">{t('trend.title')}</h2>
      <div className="wall-trend__legend" aria-hidden="true">
        <span className="wall-trend__key wall-trend__key--cases">{t('trend.cases')}</span>
        <span className="wall-trend__key wall-trend__key--rate">{t('kpi.resolutionRate')}</span>
      </div>
      <div className="wall-trend__chart">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 16 * unit, right: 4 * unit, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#1e3050" vertical={false} />
            <XAxis
              dataKey="day"
              tick={tick}
              minTickGap={40 * unit}
              stroke="#3b5073"
              height={30 * unit}
              padding={{ left: 24 * unit, right: 24 * unit }}
            />
            <YAxis yAxisId="count" tick={tick} allowDecimals={false} stroke="#3b5073" width={60 * unit} />
            <YAxis
              yAxisId="rate"
              orientation="right"
              domain={[50, 100]}
              ticks={rateTicks}
              tick={tick}
              unit="%"
              stroke="#3b5073"
              width={70 * unit}
            />
            <Bar yAxisId="count" dataKey="cases" fill="#2f6fbf" isAnimationActive={false} />
            <Line
              yAxisId="rate"
              dataKey="resolution"
              stroke="#ffb547"
              strokeWidth={3 * unit}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
