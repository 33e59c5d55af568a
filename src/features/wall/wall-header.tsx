import { useTranslation } from 'react-i18next';
import { useWallClock } from './use-wall-clock';
import type { WallFreshness } from './use-wall-data';
import { useFormatTime } from '../../ui/time-format';

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
  const { t } = useTranslation('wall');
  const { t: common } = useTranslation('common');
  const now = useWallClock();
  const formatTime = useFormatTime();
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
          <time>{formatTime(now, 'clockSeconds')}</time>
        </p>
        {freshness.stale ? (
          <p
            className="wall-header__stale"
            role="status"
            data-stale="true"
            data-failing={freshness.failing.join(' ')}
          >
            {freshness.asOf !== null
              ? t('stale', { time: formatTime(freshness.asOf, 'clock') })
              : t('connecting')}
            {freshness.failing.length > 0 && (
              <span className="wall-header__failing">
                {t('failing', {
                  layers: freshness.failing
                    .map((layer) => common(`layers.${layer}`))
                    .join(t('listSeparator')),
                })}
              </span>
            )}
          </p>
        ) : (
          <p className="wall-header__data-time">
            {Number.isFinite(dataInstant)
              ? t('dataTime', { time: formatTime(dataInstant, 'clock') })
              : t('connecting')}
          </p>
        )}
      </div>
    </header>
  );
}
