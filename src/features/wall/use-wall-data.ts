import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DataError } from '../../data/data-error';
import { useDataSource } from '../../data/data-source-context';
import { recoveringInterval, useLayerFailure, type LayerFailure } from '../../data/layer-failure';
import { dataQueries, unitTreeOf } from '../../data/queries';
import type { LayerKind } from '../../domain/runtime-config';
import { resolveWindow } from '../../domain/time-window';
import { dayMs, formatChinaTime } from '../../domain/china-time';
import { useRuntimeConfig } from '../../ui/runtime-config-context';
import { useToday } from '../../ui/use-today';

/**
 * The wall's server state. A wall has nobody to press a button: every query retries for ever with the shared
 * backoff (src/data/layer-failure.ts: capped at `refreshSeconds`, with jitter), keeps its last good data
 * meanwhile, and polls at `refreshSeconds`. The geography is fetched once per page life (it changes with a grid plan, and the
 * optional daily reload picks that up).
 */
export const wallWindow = { preset: '30d' } as const;

export interface WallFreshness {
  /** Some source is failing while the wall shows older data. */
  stale: boolean;
  /** The failing sources, named in the stale badge. */
  failing: (LayerKind | 'meta')[];
  /** Nothing has arrived yet (start-up during an outage). */
  waiting: boolean;
  /** Epoch ms of the oldest data on screen from a failing source (what "data as of" reports). */
  asOf: number | null;
}

/** Stale while any watched source is failing, from its first failed read until its next good one. */
export function freshnessOf(
  watched: readonly { layer: LayerKind | 'meta'; failure: LayerFailure | undefined; hasData: boolean }[],
): WallFreshness {
  const failing = watched.filter((entry) => entry.failure !== undefined);
  const held = failing
    .map((entry) => entry.failure?.lastSuccessAt ?? null)
    .filter((time): time is number => time !== null);
  return {
    stale: failing.length > 0,
    failing: [...new Set(failing.map((entry) => entry.layer))],
    waiting: watched.some((entry) => !entry.hasData),
    asOf: held.length > 0 ? Math.min(...held) : null,
  };
}

export function useWallData(sceneRegion: string | null, wantsCameras: boolean, wantsStations: boolean) {
  const config = useRuntimeConfig();
  const source = useDataSource();
  const today = useToday();
  const polled = {
    refetchInterval: recoveringInterval(config.refreshSeconds * 1000),
    refetchIntervalInBackground: true,
  };

  const meta = useQuery({ ...dataQueries.meta(source), ...polled });
  const regions = useQuery(dataQueries.regions(source));
  const grids = useQuery(dataQueries.grids(source));
  const cameras = useQuery({ ...dataQueries.cameras(source), ...polled, enabled: wantsCameras });
  const stations = useQuery({ ...dataQueries.stations(source), enabled: wantsStations });

  const rootId = unitTreeOf(regions.data, grids.data)?.root()?.id ?? null;
  const period = useMemo(() => resolveWindow(wallWindow, today), [today]);
  const region = sceneRegion ?? rootId;
  const indicatorQuery = dataQueries.indicators(source, {
    region: region ?? '',
    from: formatChinaTime(period.from),
    to: formatChinaTime(period.to),
    interval: 'day',
  });
  const indicators = useQuery({
    ...indicatorQuery,
    ...polled,
    enabled: region !== null,
    placeholderData: keepPreviousData,
  });
  // The ticker reads the last two days, whatever the scene: the newest cases of the whole city.
  const caseQuery = dataQueries.cases(source, {
    from: formatChinaTime(today - dayMs),
    to: formatChinaTime(today + dayMs),
  });
  const cases = useQuery({ ...caseQuery, ...polled });

  const watch = (
    layer: LayerKind | 'meta',
    query: UseQueryResult<unknown, DataError>,
    failure?: LayerFailure,
  ) => ({
    layer,
    failure,
    hasData: query.data !== undefined,
  });
  const watched = [
    watch('meta', meta, useLayerFailure(dataQueries.meta(source).queryKey)),
    watch('regions', regions, useLayerFailure(dataQueries.regions(source).queryKey)),
    watch('grids', grids, useLayerFailure(dataQueries.grids(source).queryKey)),
    watch('indicators', indicators, useLayerFailure(indicatorQuery.queryKey, region !== null)),
    watch('cases', cases, useLayerFailure(caseQuery.queryKey)),
  ];
  const cameraFailure = useLayerFailure(dataQueries.cameras(source).queryKey, wantsCameras);
  const stationFailure = useLayerFailure(dataQueries.stations(source).queryKey, wantsStations);
  if (wantsCameras) watched.push(watch('cameras', cameras, cameraFailure));
  if (wantsStations) watched.push(watch('stations', stations, stationFailure));
  return {
    meta,
    regions,
    grids,
    cameras,
    stations,
    indicators,
    cases,
    freshness: freshnessOf(watched),
  };
}

export type WallData = ReturnType<typeof useWallData>;
