import { useTranslation } from 'react-i18next';
import { rateOf, type Ratio } from '../../../domain/ratio';
import type { IndicatorsResponse } from '../../../contract/schemas/contract.schema';
import type { Incompleteness } from '../../../data/incompleteness';
import { IncompleteNote, OutsideGridsNote } from '../../../ui/figure-notes';
import { formatCount, formatRatio } from '../../../ui/format';
import { phoneQuery, useMediaQuery } from '../../../ui/screen';
import { ChartSlot, SparklinePlot } from './chart-slot';

import {
  countIndicators,
  indicatorRegistry,
  indicatorValue,
  rateIndicators,
  ratioOf,
  type Indicator,
  type UnitIndicators,
} from '../../../domain/indicator-registry';
import { emptySettlement } from '../../../domain/settlement';

interface KpiCardsProps {
  current: IndicatorsResponse;
  previous: IndicatorsResponse | undefined;
  /** The period's cases outside every grid, which no card counts (src/domain/outside-grids.ts). */
  outsideGrids: number;
  /** Set when the figures come from cases the source cut at its cap: every card is a lower bound. */
  incomplete: Incompleteness | undefined;
}

const countOf = (unit: UnitIndicators, indicator: Indicator): number => indicatorValue(unit, indicator) ?? 0;

/** Change against the previous period: percentage points for rates, percent for counts; null when not comparable. */
function rateChange(now: Ratio, before: Ratio | undefined): number | null {
  const a = rateOf(now);
  const b = before ? rateOf(before) : null;
  return a === null || b === null ? null : a - b;
}

function countChange(now: number, before: number | undefined): number | null {
  return before === undefined || before === 0 ? null : (now - before) / before;
}

function Sparkline({ values }: { values: (number | null)[] }) {
  return (
    <div className="kpi-card__sparkline" aria-hidden="true">
      <ChartSlot height={28}>
        <SparklinePlot values={values} />
      </ChartSlot>
    </div>
  );
}

/** The indicator over the series' buckets; none for those the series does not carry (the settlement figures). */
const seriesOf = (response: IndicatorsResponse, indicator: Indicator): (number | null)[] => {
  if (!indicatorRegistry[indicator].inSeries) return [];
  const settlement = emptySettlement();
  return response.series.map((point) => indicatorValue({ figures: point.figures, settlement }, indicator));
};

export function KpiCards({ current, previous, outsideGrids, incomplete }: KpiCardsProps) {
  const { t, i18n } = useTranslation('review');
  const language = i18n.language;
  const strip = useMediaQuery(phoneQuery);
  const change = (value: number | null, unit: 'points' | 'percent') => {
    if (value === null) return <span className="kpi-card__change">{t('change.none')}</span>;
    const text =
      unit === 'points'
        ? t('change.points', { value: (value * 100).toFixed(1) })
        : t('change.percent', { value: (value * 100).toFixed(1) });
    const direction = value > 0 ? 'up' : value < 0 ? 'down' : 'flat';
    return (
      <span className={`kpi-card__change kpi-card__change--${direction}`}>
        {direction === 'up' ? '▲ +' : direction === 'down' ? '▼ ' : '■ '}
        {text}
      </span>
    );
  };
  return (
    <>
      {/* What the cards cannot show by their numbers: they are a lower bound, or some cases count in none. */}
      <IncompleteNote place="kpi" incomplete={incomplete} />
      <OutsideGridsNote place="kpi" count={outsideGrids} />
      {/* On a phone the cards are a strip that scrolls sideways (screens.css): keyboard users reach it by Tab. */}
      <div className="kpi-cards" role="list" aria-label={t('kpi.title')} tabIndex={strip ? 0 : undefined}>
        {rateIndicators.map((key) => {
          const ratio = ratioOf(current, key) ?? { numerator: 0, denominator: 0 };
          const text = formatRatio(ratio, language);
          return (
            <article key={key} className="kpi-card" role="listitem" data-indicator={key}>
              <h3>{t(`indicator.${key}`)}</h3>
              <p className="kpi-card__value">{text.rate ?? t('noData')}</p>
              <p className="kpi-card__fraction">{text.fraction}</p>
              {change(
                rateChange(ratio, previous ? (ratioOf(previous, key) ?? undefined) : undefined),
                'points',
              )}
              <Sparkline values={seriesOf(current, key)} />
            </article>
          );
        })}
        {countIndicators.map((key) => {
          const value = countOf(current, key);
          return (
            <article key={key} className="kpi-card" role="listitem" data-indicator={key}>
              <h3>{t(`indicator.${key}`)}</h3>
              <p className="kpi-card__value">{formatCount(value, language)}</p>
              <p className="kpi-card__fraction">{t(`unit.${key}`)}</p>
              {change(countChange(value, previous && countOf(previous, key)), 'percent')}
              <Sparkline values={seriesOf(current, key)} />
            </article>
          );
        })}
      </div>
    </>
  );
}
