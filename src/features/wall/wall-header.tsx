import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaTimeFormat, useWallClock } from './use-wall-clock';
import type { WallFreshness } from './use-wall-data';

interface WallHeaderProps {
  title: string;
  sceneName: string;
  sceneKey: string;
  dataTime: string | null;
  freshness: WallFreshness;
  paused: boolean;
}

/** Title, the scene being shown, the clock and the data time; the stale badge when a source is down. */
export function WallHeader({ title, sceneName, sceneKey, dataTime, freshness, paused }: WallHeaderProps) {
  const { t, i18n } = useTranslation('wall');
  const now = useWallClock();
  const clock = useMemo(() => chinaTimeFormat(i18n.language, true), [i18n.language]);
  const short = useMemo(() => chinaTimeFormat(i18n.language, false), [i18n.language]);
  const dataInstant = dataTime ? Date.parse(dataTime) : Number.NaN;
  return (
    <header className="wall-header">
      <h1 className="wall-header__title">{title}</h1>
      <p className="wall-header__scene" key={sceneKey}>
        {sceneName}
        {paused && <span className="wall-header__paused">{t('tour.paused')}</span>}
      </p>
      <div className="wall-header__time">
        <p className="wall-header__clock">
          <time>{clock.format(now)}</time>
        </p>
        {freshness.stale ? (
          <p className="wall-header__stale" role="status" data-stale="true">
            {freshness.asOf !== null ? t('stale', { time: short.format(freshness.asOf) }) : t('connecting')}
          </p>
        ) : (
          <p className="wall-header__data-time">
            {Number.isFinite(dataInstant)
              ? t('dataTime', { time: short.format(dataInstant) })
              : t('connecting')}
          </p>
        )}
      </div>
    </header>
  );
}
