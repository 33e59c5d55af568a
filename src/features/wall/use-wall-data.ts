import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { isDataError, type DataError } from '../../data/data-error';
import { useDataSource } from '../../data/data-source-context';
import { dataQueries, unitTreeOf } from '../../data/queries';
import { resolveWindow, toChinaIso } from '../../domain/time-window';
import { useRuntimeConfig } from '../../ui/runtime-config-context';
import { useToday } from '../../ui/use-today';
import { retryDelayMs } from './retry-delay';

/**
 * The wall's server state. Unlike the dashboard (three retries, then an alert with a retry button), a wall has
 * nobody to press a button: every query retries for ever with backoff, keeps its last good data meanwhile, and
 * polls at `refreshSeconds`. The geography is fetched once per page life (it changes with a grid plan, and the
 * optional daily reload picks that up).
 */
export const wallWindow = { preset: '30d' } as const;
const dayMs = 86_400_000;

const healing = {
  retry: (_failures: number, error: DataError) => !isDataError(error) || error.retryable,
  retryDelay: (failures: number, error: DataError) =>
    retryDelayMs(failures + 1, isDataError(error) ? error.retryAfterSeconds : undefined),
};

export interface WallFreshness {
  /** Some source is failing while the wall shows older data. */
  stale: boolean;
  /** Nothing has arrived yet (start-up during an outage). */
  waiting: boolean;
  /** Epoch ms of the oldest data on screen from a failing source (what "data as of" reports). */
  asOf: number | null;
}

export function freshnessOf(queries: readonly UseQueryResult<unknown, DataError>[]): WallFreshness {
  const failing = queries.filter((query) => query.failureCount > 0 || query.isError);
  const held = failing.map((query) => query.dataUpdatedAt).filter((time) => time > 0);
  return {
    stale: failing.length > 0,
    waiting: queries.some((query) => query.data === undefined),
    asOf: held.length > 0 ? Math.min(...held) : null,
  };
}

export function useWallData(sceneRegion: string | null, wantsCameras: boolean, wantsStations: boolean) {
  const config = useRuntimeConfig();
  const source = useDataSource();
  const today = useToday();
  const polled = {
    ...healing,
    refetchInterval: config.refreshSeconds * 1000,
    refetchIntervalInBackground: true,
  };

  const meta = useQuery({ ...dataQueries.meta(source), ...polled });
  const regions = useQuery({ ...dataQueries.regions(source), ...healing });
  const grids = useQuery({ ...dataQueries.grids(source), ...healing });
  const cameras = useQuery({ ...dataQueries.cameras(source), ...polled, enabled: wantsCameras });
  const stations = useQuery({ ...dataQueries.stations(source), ...healing, enabled: wantsStations });

  const rootId = unitTreeOf(regions.data, grids.data)?.root()?.id ?? null;
  const period = useMemo(() => resolveWindow(wallWindow, today), [today]);
  const region = sceneRegion ?? rootId;
  const indicators = useQuery({
    ...dataQueries.indicators(source, {
      region: region ?? '',
      from: toChinaIso(period.from),
      to: toChinaIso(period.to),
      interval: 'day',
    }),
    ...polled,
    enabled: region !== null,
    placeholderData: keepPreviousData,
  });
  // The ticker reads the last two days, whatever the scene: the newest cases of the whole city.
  const cases = useQuery({
    ...dataQueries.cases(source, { from: toChinaIso(today - dayMs), to: toChinaIso(today + dayMs) }),
    ...polled,
  });

  const watched: UseQueryResult<unknown, DataError>[] = [meta, regions, grids, indicators, cases];
  if (wantsCameras) watched.push(cameras);
  if (wantsStations) watched.push(stations);
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
