import { useTranslation } from 'react-i18next';
import { indicators, indicatorValue, isRate, type Indicator } from '../../../domain/indicator-registry';
import { useIndicators, useUnitTree } from '../../../data/queries';
import type { IndicatorsResponse } from '../../../contract/schemas/contract.schema';
import { formatCount, formatPercent } from '../../../ui/format';
import { useViewSettings } from '../../../ui/view-state';
import type { FocusUnit } from './use-focus';
import type { ReviewPeriod } from './use-review-period';

const previousPeriod = 'previous';

/**
 * Two units side by side, or the focused unit against the previous period of the same length: each indicator,
 * both values and the difference (percentage points for rates).
 */
export function ComparePanel({
  focus,
  period,
  current,
}: {
  focus: FocusUnit;
  period: ReviewPeriod;
  current: IndicatorsResponse;
}) {
  const { t, i18n } = useTranslation('review');
  const [view, setView] = useViewSettings();
  const tree = useUnitTree();
  const other = view.compare;
  const otherRegion = other && other !== previousPeriod ? tree?.get(other) : undefined;
  const query =
    other === previousPeriod
      ? { region: focus.id, from: period.previousFrom, to: period.previousTo, interval: period.interval }
      : otherRegion
        ? { region: otherRegion.id, from: period.from, to: period.to, interval: period.interval }
        : null;
  const compared = useIndicators(query);
  const parent = focus.chain[focus.chain.length - 2];
  const siblings = parent ? (tree?.childrenOf(parent.id) ?? []) : [];
  const candidates = siblings.filter((region) => region.id !== focus.id);
  const show = (row: Indicator, value: number | null) => {
    if (value === null) return t('noData');
    return isRate(row) ? (formatPercent(value, i18n.language) ?? '') : formatCount(value, i18n.language);
  };
  const difference = (row: Indicator, a: number | null, b: number | null) => {
    if (a === null || b === null) return '—';
    const delta = a - b;
    const sign = delta > 0 ? '+' : '';
    return isRate(row)
      ? t('change.points', { value: `${sign}${(delta * 100).toFixed(1)}` })
      : `${sign}${formatCount(delta, i18n.language)}`;
  };
  const otherName = other === previousPeriod ? t('compare.previousPeriod') : (otherRegion?.name ?? '');
  return (
    <section className="compare" aria-label={t('compare.title')}>
      <h2>{t('compare.title')}</h2>
      <label>
        {t('compare.with')}
        <select value={other ?? ''} onChange={(event) => setView({ compare: event.target.value || null })}>
          <option value="">{t('compare.none')}</option>
          <option value={previousPeriod}>{t('compare.previousPeriod')}</option>
          {candidates.map((region) => (
            <option key={region.id} value={region.id}>
              {region.name}
            </option>
          ))}
        </select>
      </label>
      {compared.data && (
        <table className="compare__table">
          <thead>
            <tr>
              <th scope="col">{t('compare.indicator')}</th>
              <th scope="col">{focus.name}</th>
              <th scope="col">{otherName}</th>
              <th scope="col">{t('compare.difference')}</th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((row) => {
              const a = indicatorValue(current, row);
              const b = indicatorValue(compared.data, row);
              return (
                <tr key={row} data-indicator={row}>
                  <th scope="row">{t(`indicator.${row}`)}</th>
                  <td>{show(row, a)}</td>
                  <td>{show(row, b)}</td>
                  <td>{difference(row, a, b)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
