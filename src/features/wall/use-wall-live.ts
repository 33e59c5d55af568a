import { useMemo } from 'react';
import { resolveWindow } from '../../domain/time-window';
import type { LiveCasesSnapshot } from '../../live/live-cases';
import { useCaseView, type CaseViewFilters } from '../../live/use-case-view';
import { useHotspots } from '../../live/use-hotspots';
import { useLiveCases } from '../../live/use-live-cases';
import { usePulses } from '../../live/use-pulses';
import { caseLayerIds } from '../../map/cases/case-layers';
import { useCaseLayers, useHotspotLayers } from '../../map/cases/use-case-layers';
import { useRuntimeConfig } from '../../ui/runtime-config-context';
import { useNow } from '../../ui/use-now';
import { useToday } from '../../ui/use-today';
import { useWallAlerts } from './use-wall-alerts';
import { wallWindow } from './use-wall-data';

/** The wall shows every case of the window: nobody is there to set a filter. */
const allCases: CaseViewFilters = {
  stages: new Set(),
  categories: new Set(),
  channels: new Set(),
  overdueOnly: false,
  weight: 'all',
};
const noArrivals: LiveCasesSnapshot['arrivals'] = [];

/**
 * The wall's live picture, from the dashboard's own engine and layers (src/live, src/map/cases): the window's
 * cases kept current by the stream, their heat, a pulse where one arrives, the early-warning grids ringed, and
 * the banner's alerts. `wanted` is what the whole tour shows (loaded once); the layers are made in the map's
 * subtree (useWallLiveLayers), so a pulse's animation re-renders the map, not the whole wall.
 */
export function useWallLive(wanted: { cases: boolean; warnings: boolean }) {
  const config = useRuntimeConfig();
  const today = useToday();
  const now = useNow(30_000);
  const period = useMemo(() => resolveWindow(wallWindow, today), [today]);
  const live = useLiveCases(period, wanted.cases || wanted.warnings, config);
  const view = useCaseView(live.snapshot, allCases, period, null, now);
  const arrivals = view.columns === live.snapshot.columns ? live.snapshot.arrivals : noArrivals;
  const hotspots = useHotspots(wanted.warnings, now, null, config);
  const warningGrids = useMemo(
    () => new Set(hotspots.hotspots.map((hotspot) => hotspot.gridId)),
    [hotspots.hotspots],
  );
  const alerts = useWallAlerts(arrivals, view.columns, warningGrids, config.wall.alertSeconds);

  return { view, arrivals, hotspots: hotspots.hotspots, areas: hotspots.areas, alerts };
}

export type WallLive = ReturnType<typeof useWallLive>;

const noPulses: ReturnType<typeof usePulses> = [];
const noPoints = { count: 0, positions: new Float32Array(0), stage: new Uint8Array(0) };

/** The live picture's deck.gl layers for the scene's layers: heat and pulses under the points, warnings on top. */
export function useWallLiveLayers(live: WallLive, shown: ReadonlySet<string>, unit: number) {
  const { view } = live;
  const showHeat = shown.has('heat');
  const showPulses = shown.has('pulses');
  // Off scene, no arrival is animated: the pulse clock would re-render the map for nothing.
  const pulses = usePulses(showPulses ? live.arrivals : noArrivals, view.columns, view.rows);
  const caseLayers = useCaseLayers(
    showHeat || showPulses
      ? {
          heat: showHeat ? view.heat : noPoints,
          // The wall is never zoomed to streets: no case is drawn on its own, only the heat and the pulses.
          points: noPoints,
          aggregation: 'heatmap',
          zoom: 0,
          latitude: 0,
          pulses: showPulses ? pulses : noPulses,
          scale: unit,
        }
      : null,
  );
  const extraLayers = useMemo(
    () => (showHeat ? caseLayers : caseLayers.filter((layer) => layer.id !== caseLayerIds.heatmap)),
    [caseLayers, showHeat],
  );
  const topLayers = useHotspotLayers(shown.has('earlyWarning') ? live.areas : null, unit);
  return { extraLayers, topLayers };
}
