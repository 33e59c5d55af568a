import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { unitTreeOf } from '../../data/queries';
import { wallLayers, type WallLayer } from '../../domain/runtime-config';
import { useCameraViewer } from '../../ui/camera-viewer';
import { useRuntimeConfig } from '../../ui/runtime-config-context';
import { designFor, layoutOf, type WallLayout } from './design-scale';
import { scenesOf } from './tour';
import { useDailyReload } from './use-daily-reload';
import { useTour } from './use-tour';
import { useWallData } from './use-wall-data';
import { useWallLive } from './use-wall-live';
import { useWallMapData } from './use-wall-map-data';
import { WallBanner } from './wall-banner';
import { WallHeader } from './wall-header';
import { WallKpis } from './wall-kpis';
import { WallMap } from './wall-map';
import { WallRanking } from './wall-ranking';
import { useScreenSize, WallStage } from './wall-stage';
import { WallTicker } from './wall-ticker';
import { WallTrend } from './wall-trend';
import './wall.css';

/** A scene that does not choose shows the whole live picture (the service areas only when asked for). */
const defaultSceneLayers: readonly WallLayer[] = wallLayers.filter((layer) => layer !== 'serviceAreas');
/** Ticker lines that fit the ticker's box in each layout (the layout is in height units, so these are fixed). */
const tickerRows = { standard: 5, wide: 10, compact: 0, portrait: 0 } as const;
/** Handheld layouts (design-scale.ts) keep the map and the figures; the trend and the ticker stay on the wall. */
const handheld = (layout: WallLayout) => layout === 'compact' || layout === 'portrait';

/** The configured cameras, opened in the video panel once the wall starts (an operator may close them). */
function usePinnedCameras(ids: readonly string[]) {
  const { openCameras } = useCameraViewer();
  const key = ids.join(',');
  useEffect(() => {
    if (key !== '') openCameras(key.split(','));
  }, [key, openCameras]);
}

/**
 * The command-centre wall: runs for weeks untouched. Its view comes from the configured tour, not from the URL
 * (a tour writing the URL every scene would grow the history for ever); everything else is the dashboard's data,
 * polled, held through outages and shown under the public-screen privacy rules.
 */
export default function WallPage() {
  const { t } = useTranslation('wall');
  const config = useRuntimeConfig();
  const { wall, privacy } = config;
  const screen = useScreenSize();
  const design = designFor({ width: wall.designWidth, height: wall.designHeight }, screen);
  const layout = layoutOf(design);
  const unit = design.height / 1080;
  const scenes = scenesOf(wall.tour);
  const tour = useTour(scenes, wall.idleResumeSeconds);
  useDailyReload(wall.dailyReloadAt);
  usePinnedCameras(wall.cameras);
  const scene = scenes[tour.index % scenes.length] ?? scenes[0];
  const sceneRegion = scene?.region ?? null;
  const layers = useMemo(() => new Set<string>(scene?.layers ?? defaultSceneLayers), [scene]);

  const data = useWallData(
    sceneRegion,
    layers.has('cameras'),
    layers.has('stations') || layers.has('serviceAreas'),
  );
  const live = useWallLive(data, layers, sceneRegion, scene?.focus === 'earlyWarning');
  const focusGrid = live.focusGrid;
  const map = useWallMapData(data, focusGrid?.gridId ?? sceneRegion);
  const tree = unitTreeOf(data.regions.data, data.grids.data);
  const regionName = sceneRegion ? (tree?.get(sceneRegion)?.name ?? sceneRegion) : t('wholeCity');
  const sceneName = focusGrid ? t('focusWarning', { grid: focusGrid.gridName }) : regionName;
  const alertGrid = live.alert?.gridId ? (tree?.get(live.alert.gridId)?.name ?? null) : null;

  const indicators = data.indicators.data;
  const complete = data.regions.data !== undefined && data.grids.data !== undefined;
  const kpis = <WallKpis indicators={indicators} minimumCount={privacy.minimumCount} />;
  const ranking = <WallRanking indicators={indicators} minimumCount={privacy.minimumCount} />;
  const trend = <WallTrend indicators={indicators} unit={unit} />;
  const wallMap = (
    <WallMap
      map={map}
      layers={layers}
      attribution={data.meta.data?.attribution ?? null}
      complete={complete}
      unit={unit}
      heat={live.heat}
      arrivals={live.arrivals}
      topLayers={live.warningLayers}
    >
      <WallBanner alert={live.alert} gridName={alertGrid} />
    </WallMap>
  );
  const ticker = <WallTicker cases={data.cases.data} rows={tickerRows[layout]} />;

  return (
    <WallStage design={design}>
      <main
        className="wall"
        data-scene={tour.index}
        data-scene-region={sceneRegion ?? ''}
        data-scene-focus={focusGrid?.gridId ?? ''}
        data-scene-layers={[...layers].join(',')}
        data-tour={tour.paused ? 'paused' : 'running'}
        data-stale={data.freshness.stale ? 'true' : 'false'}
      >
        <WallHeader
          title={config.title}
          sceneName={sceneName}
          sceneKey={`${tour.index}`}
          dataTime={indicators?.dataTime ?? data.meta.data?.dataTime ?? null}
          freshness={data.freshness}
          paused={tour.paused}
        />
        <div className={`wall-body wall-body--${layout}`}>
          {handheld(layout) ? (
            <>
              {wallMap}
              <div className="wall-column wall-column--kpis">
                {kpis}
                {layout === 'compact' && ranking}
              </div>
            </>
          ) : (
            <>
              <div className="wall-column wall-column--kpis">
                {kpis}
                {layout === 'standard' && ranking}
              </div>
              {layout === 'wide' && (
                <div className="wall-column wall-column--trend">
                  {ranking}
                  {trend}
                </div>
              )}
              {wallMap}
              <div className="wall-column wall-column--side">
                {layout === 'standard' && trend}
                {ticker}
              </div>
            </>
          )}
        </div>
      </main>
    </WallStage>
  );
}
