import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { DataError } from '../../../data/data-error';
import { resolveSource } from '../../../data/data-source';
import { useDataSource } from '../../../data/data-source-context';
import { subscribeCaseStream, type StreamState } from '../../../data/live/case-stream';
import { LiveCases, type LiveCasesSnapshot } from '../../../data/live/live-cases';
import { dataQueries, useGrids, useMeta } from '../../../data/queries';
import type { Period } from '../../../domain/indicators';
import { toChinaIso } from '../../../domain/time-window';
import { convertPosition } from '../../../geo/crs';
import { useRuntimeConfig } from '../../../ui/runtime-config-context';

/**
 * The window's cases, live: fetched once per window into columns, then kept current by the provider's stream
 * when it has one (REST with `meta.live`), otherwise by polling every `refreshSeconds`. Earlier data stays on
 * screen while a new window loads, so nothing flashes; the connection's state is always reported.
 */
export type CaseConnection =
  | StreamState
  | { kind: 'polling'; lastAt: number | null; failing: boolean; everySeconds: number }
  | { kind: 'off' };

export interface LiveCaseData {
  snapshot: LiveCasesSnapshot;
  connection: CaseConnection;
  isPending: boolean;
  isError: boolean;
  error: DataError | null;
  refetch: () => void;
  /** Stream events that failed the contract and were dropped, for the panel's alert. */
  rejectedEvents: number;
  /** Total the provider returned for the window (before client filters). */
  fetchedCount: number | null;
}

export function useLiveCases(period: Period, enabled: boolean): LiveCaseData {
  const config = useRuntimeConfig();
  const source = useDataSource();
  const meta = useMeta();
  const grids = useGrids();
  const casesSource = resolveSource(config, 'cases');
  // EventSource sends no custom headers: a cases source that needs them is polled instead.
  const streamUrl =
    casesSource.provider === 'rest' &&
    meta.data?.live === true &&
    Object.keys(casesSource.headers).length === 0
      ? `${casesSource.url.replace(/\/+$/, '')}/cases/stream`
      : null;
  const streaming = enabled && streamUrl !== null;
  const query = useMemo(() => ({ from: toChinaIso(period.from), to: toChinaIso(period.to) }), [period]);
  const cases = useQuery({
    ...dataQueries.cases(source, query),
    enabled,
    placeholderData: keepPreviousData,
    refetchInterval: streaming ? false : config.refreshSeconds * 1000,
  });
  const [store] = useState(() => new LiveCases());
  const snapshot = useSyncExternalStore(store.subscribe, store.snapshot);
  const [streamState, setStreamState] = useState<StreamState>({ kind: 'connecting' });
  const [rejectedEvents, setRejectedEvents] = useState(0);

  const gridIds = useMemo(() => (grids.data?.features ?? []).map((grid) => grid.properties.id), [grids.data]);
  const dataCrs = meta.data?.crs ?? 'wgs84';
  const basemapCrs = config.basemap.crs;
  const windowKey = `${query.from}/${query.to}`;
  const { data, dataUpdatedAt, isPlaceholderData } = cases;
  useEffect(() => {
    if (!data || isPlaceholderData || grids.data === undefined) return;
    const convert =
      dataCrs === basemapCrs
        ? undefined
        : (position: readonly [number, number]) => convertPosition(position, dataCrs, basemapCrs);
    store.reset(data.features, gridIds, windowKey, dataUpdatedAt, convert);
  }, [store, data, isPlaceholderData, dataUpdatedAt, gridIds, grids.data, windowKey, dataCrs, basemapCrs]);

  const { refetch } = cases;
  useEffect(() => {
    if (!streaming) return;
    return subscribeCaseStream({
      url: streamUrl,
      onCase: (feature) => store.apply(feature, Date.now()),
      onState: setStreamState,
      // After a drop, a resync: the replay covers short gaps, the refetch covers one longer than its buffer.
      onResume: () => void refetch(),
      onRejected: setRejectedEvents,
      network: { target: window, isOnline: () => navigator.onLine },
    });
  }, [streaming, streamUrl, store, refetch]);

  const connection: CaseConnection = !enabled
    ? { kind: 'off' }
    : streaming
      ? streamState
      : {
          kind: 'polling',
          lastAt: dataUpdatedAt || null,
          failing: cases.isError,
          everySeconds: config.refreshSeconds,
        };
  return {
    snapshot,
    connection,
    isPending: enabled && cases.isPending,
    isError: cases.isError,
    error: cases.error,
    refetch: () => void refetch(),
    rejectedEvents,
    fetchedCount: data?.features.length ?? null,
  };
}
