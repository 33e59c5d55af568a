import { useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { allCameras } from '../../map/camera-points';
import { useLiveCaseLayers } from '../../map/cases/use-case-layers';
import { gridFill } from '../../map/grid-fill';
import { GridMap } from '../../map/grid-map';
import { useOpenClickedCamera } from '../../ui/camera-viewer';
import { MapRetryBoundary } from './map-retry-boundary';
import { useContextLossRecovery } from './use-context-loss-recovery';
import { useWallPulses, type useWallLive } from './use-wall-live';
import type { useWallMapData } from './use-wall-map-data';

const typeFill = gridFill('type', []);
const ignore = () => undefined;

interface WallMapProps {
  map: ReturnType<typeof useWallMapData>;
  layers: ReadonlySet<string>;
  attribution: string | null;
  complete: boolean;
  /** The design unit: map labels and marks grow with the layout's type. */
  unit: number;
  /** The heat's points (absent when the scene does not show it) and the new cases, drawn under the points. */
  heat: ReturnType<typeof useWallLive>['heat'];
  arrivals: ReturnType<typeof useWallLive>['arrivals'];
  /** The early-warning rings, over everything; memoised. */
  topLayers: ReturnType<typeof useWallLive>['warningLayers'];
  /** Drawn over the map (the alert banner). */
  children?: ReactNode;
}

/**
 * Out-of-view tiles kept per source. MapLibre's default grows with the screen (hundreds on a 4K wall), and a tour
 * fills it with every place it visits: the soak's memory crept up scene after scene. 24 holds a scene's
 * neighbourhood.
 */
const wallTileCache = 24;

/** The dark city map in the centre of the wall: no hover, no selection but a camera's, flown from scene to scene. */
/** The wall's map has no panel over it: the city sits in the middle of its frame. */
const wallFramePadding = { top: 32, bottom: 32, left: 32, right: 32 };

export function WallMap(props: WallMapProps) {
  const { map, layers, attribution, complete, unit, heat, arrivals, topLayers, children } = props;
  const pulses = useWallPulses(arrivals);
  const underLayers = useLiveCaseLayers(heat, pulses);
  const { t } = useTranslation('wall');
  const host = useRef<HTMLDivElement>(null);
  const generation = useContextLossRecovery(host);
  const fallback = useMemo(() => <p className="wall-map__down">{t('mapRecovering')}</p>, [t]);
  // A camera clicked on the wall (an operator at its console) opens in the one player; nothing else selects.
  const openClickedCamera = useOpenClickedCamera(map.cameras);
  return (
    <div
      ref={host}
      className="wall-map"
      data-map-generation={generation}
      data-pulsing={pulses.map((pulse) => pulse.id).join(' ')}
    >
      <MapRetryBoundary fallback={fallback}>
        <GridMap
          key={generation}
          theme="dark"
          framePadding={wallFramePadding}
          labelScale={unit}
          markScale={unit}
          maxTileCacheSize={wallTileCache}
          retainLayers
          basemap={map.basemap}
          cityBounds={map.cityBounds}
          view={null}
          onViewChange={ignore}
          regions={map.regions}
          grids={map.grids}
          cameras={map.cameras}
          cameraFilter={allCameras}
          stations={map.stations}
          layers={layers}
          fill={typeFill}
          selected={null}
          onSelect={openClickedCamera}
          onHover={ignore}
          complete={complete}
          resetLabel={t('mapReset')}
          focus={map.focus}
          dataAttribution={attribution}
          extraLayers={underLayers}
          topLayers={topLayers}
        />
      </MapRetryBoundary>
      {children}
    </div>
  );
}
