import { useTranslation } from 'react-i18next';
import { rankableIndicators } from '../../../domain/ranking';
import type { Choropleth } from '../../../map/choropleth';
import { formatCount, formatPercent } from '../../../ui/format';
import { useViewSettings } from '../../../ui/view-state';
import { classLabels } from './class-labels';
import { isRankable } from './use-indicator-choropleth';

/** Pick the indicator that colours the children of the focused unit, and read its classes. */
export function IndicatorChoropleth({ choropleth }: { choropleth: Choropleth | null }) {
  const { t, i18n } = useTranslation('map');
  const [view, setView] = useViewSettings();
  const format = (value: number) =>
    choropleth?.rate ? (formatPercent(value, i18n.language) ?? '') : formatCount(value, i18n.language);
  const classes = choropleth?.classes;
  return (
    <section className="map-panel indicator-choropleth" aria-label={t('choropleth.title')}>
      <label>
        {t('choropleth.title')}
        <select
          value={isRankable(view.indicator) ? view.indicator : ''}
          onChange={(event) => setView({ indicator: event.target.value || null })}
        >
          <option value="">{t('choropleth.none')}</option>
          {rankableIndicators.map((indicator) => (
            <option key={indicator} value={indicator}>
              {t(`review:indicator.${indicator}`)}
            </option>
          ))}
        </select>
      </label>
      {classes && (
        <ul className="indicator-choropleth__classes">
          {classLabels(classes, format, t).map(({ colour, label }) => (
            <li key={colour}>
              <span className="map-legend__swatch" style={{ background: colour }} />
              {label}
            </li>
          ))}
          {choropleth.missing > 0 && (
            <li>
              <span className="map-legend__swatch map-legend__swatch--none" />
              {t('choropleth.noData', { count: choropleth.missing })}
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
