import { useTranslation } from 'react-i18next';
import { cameraStatuses, stationKinds } from '../../../domain/points';
import { cameraClusterColour, cameraStatusColours } from '../../../map/cameras.layer';
import type { GridFill } from '../../../map/grid-fill';
import { stationKindStyle } from '../../../map/stations.layer';
import { OutsideGridsNote } from '../../../ui/figure-notes';
import { formatCount, formatPercent } from '../../../ui/format';
import { classLabels } from './class-labels';

const css = (colour: readonly number[]) => `rgb(${colour.slice(0, 3).join(', ')})`;

interface MapLegendProps {
  fill: GridFill;
  percent: boolean;
  layers: ReadonlySet<string>;
  /** The live cases the map draws and the city's cases outside every grid, which it does not; null: none yet. */
  caseCounts: CaseCounts | null;
}

export interface CaseCounts {
  drawn: number;
  outsideGrids: number;
}

/** The legend of what is on the map now; its swatches come from the very tables the layers paint with. */
export function MapLegend({ fill, percent, layers, caseCounts }: MapLegendProps) {
  const { t, i18n } = useTranslation('map');
  const format = (value: number) =>
    percent ? (formatPercent(value, i18n.language, 0) ?? '') : formatCount(value, i18n.language);
  const classes =
    fill.kind === 'classes'
      ? classLabels(fill, format, t)
      : fill.entries.map((entry) => ({ colour: entry.colour, label: t(`gridTypes.${entry.value}`) }));
  return (
    <section className="map-panel map-legend" aria-label={t('legend.title')}>
      {layers.has('grids') && (
        <ul>
          {classes.map((entry) => (
            <li key={entry.colour + entry.label}>
              <span className="map-legend__swatch" style={{ background: entry.colour }} />
              {entry.label}
            </li>
          ))}
        </ul>
      )}
      <ul className="map-legend__lines">
        <li>
          <span className="map-legend__line map-legend__line--district" />
          {t('legend.district')}
        </li>
        <li>
          <span className="map-legend__line map-legend__line--street" />
          {t('legend.street')}
        </li>
        <li>
          <span className="map-legend__line map-legend__line--community" />
          {t('legend.community')}
        </li>
        {layers.has('grids') && (
          <li>
            <span className="map-legend__line map-legend__line--grid" />
            {t('legend.grid')}
          </li>
        )}
      </ul>
      {layers.has('cases') && caseCounts && (
        <>
          <p className="map-legend__cases" data-cases-drawn={caseCounts.drawn}>
            {t('legend.cases', {
              count: caseCounts.drawn,
              formatted: formatCount(caseCounts.drawn, i18n.language),
            })}
          </p>
          <OutsideGridsNote place="map" count={caseCounts.outsideGrids} />
        </>
      )}
      {layers.has('cameras') && (
        <ul>
          {cameraStatuses.map((status) => (
            <li key={status}>
              <span className="map-legend__dot" style={{ background: css(cameraStatusColours[status]) }} />
              {t(`cameraStatus.${status}`)}
            </li>
          ))}
          <li>
            <span
              className="map-legend__dot map-legend__dot--cluster"
              style={{ background: css(cameraClusterColour) }}
            />
            {t('legend.cluster')}
          </li>
        </ul>
      )}
      {layers.has('stations') && (
        <ul>
          {stationKinds.map((kind) => (
            <li key={kind}>
              <span
                className="map-legend__dot map-legend__dot--station"
                style={{ background: css(stationKindStyle[kind].colour) }}
              >
                {stationKindStyle[kind].character}
              </span>
              {t(`stationKinds.${kind}`)}
            </li>
          ))}
          <li className="map-legend__note">{t('legend.levelSize')}</li>
        </ul>
      )}
    </section>
  );
}
