import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { CaseColumnsAnswer, CaseColumnsWire } from '../../../contract/columnar/case-columns.decode';
import type { DataError } from '../../../data/data-error';
import type { SkippedFeature } from '../../../data/partial-layer';
import { useDataSource } from '../../../data/data-source-context';
import type { StreamState } from '../../../data/rest/case-stream';
import { CaseBatcher } from '../../../live/case-batch';
import { LiveCases, type LiveCasesSnapshot, type StreamedCase } from '../../../live/live-cases';
import { mapCrsOf, metaSettled } from '../../../data/map-crs';
import { incompletenessOf, type Incompleteness } from '../../../data/incompleteness';
import { recoveringInterval, useLayerFailure, type LayerFailure } from '../../../data/layer-failure';
import { dataQueries, useGrids, useMeta } from '../../../data/queries';
import type { CaseFeature } from '../../../contract/schemas/contract.schema';
import type { Period } from '../../../domain/indicators';
import { formatChinaTime } from '../../../domain/china-time';
import { useRuntimeConfig } from '../../../ui/runtime-config-context';

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
  /** The failure kept through its retries until a read succeeds (the alert's countdown). */
  failure: LayerFailure | undefined;
  refetch: () => void;
  /** Stream events that failed the contract and were dropped, for the panel's alert. */
  rejectedEvents: number;
  /**
   * Set when the provider could not read everything (an Open311 second at the server's cap): the counts are a
   * lower bound.
   */
  incomplete: Incompleteness | undefined;
  /** Total the provider returned for the window (before client filters). */
  fetchedCount: number | null;
  /** The cases of the window left out as invalid (either path), for the panel's notice. */
  skipped: readonly SkippedFeature[] | undefined;
}

/**
 * The window's cases, live: fetched once per window into columns — as typed columns decoded in a worker when the
 * cases' provider offers them (`caseColumns`, the columnar format; no JS object per case, no titles), else as
 * GeoJSON validated here — then kept current by the provider's stream
 * when it has one (REST with `meta.live`), otherwise by polling every `refreshSeconds`. Earlier data stays on
 * screen while a new window loads, so nothing flashes; the connection's state is always reported.
 */
export function useLiveCases(period: Period, enabled: boolean): LiveCaseData {
  const config = useRuntimeConfig();
  const source = useDataSource();
  const meta = useMeta();
  const grids = useGrids();
  // The provider says whether it streams (ProviderAdapter.caseStream), once meta has said whether the dataset is
  // live; a failed meta means no stream.
  const opener = useQuery({
    ...dataQueries.caseStream(source, meta.data?.live === true),
    enabled: enabled && metaSettled(meta),
  });
  const openStream = enabled ? (opener.data ?? null) : null;
  const streaming = openStream !== null;
  const query = useMemo(
    () => ({ from: formatChinaTime(period.from), to: formatChinaTime(period.to) }),
    [period],
  );
  const refetchInterval = recoveringInterval(streaming ? false : config.refreshSeconds * 1000);
  const [streamState, setStreamState] = useState<StreamState>({ kind: 'connecting' });
  // Subscribe, then snapshot: the stream resumes from the server's latest event when it opens, so a snapshot taken
  // before that could miss a case reported in between (neither would hold it). A snapshot requested after the
  // stream is open holds everything the stream will not send. If the stream cannot open, the snapshot goes ahead.
  // Until meta says whether there is a stream, neither is started (a failed meta means no stream).
  const streamKnown = opener.data !== undefined || opener.isError;
  const snapshotAllowed = streamKnown && (!streaming || streamState.kind !== 'connecting');
  const hasColumns = source.caseColumns !== undefined;
  const columnCases = useQuery({
    ...dataQueries.caseColumns(source, query),
    enabled: enabled && snapshotAllowed && hasColumns,
    placeholderData: keepPreviousData,
    refetchInterval,
  });
  // GeoJSON only where no columns can come: no columnar member, or the provider answered that it has none.
  const useGeoJson = !hasColumns || columnCases.data === null;
  const featureCases = useQuery({
    ...dataQueries.cases(source, query),
    enabled: enabled && snapshotAllowed && useGeoJson,
    placeholderData: keepPreviousData,
    refetchInterval,
  });
  const cases = useGeoJson ? featureCases : columnCases;
  const failure = useLayerFailure(
    useGeoJson ? dataQueries.cases(source, query).queryKey : dataQueries.caseColumns(source, query).queryKey,
    enabled,
  );
  const [store] = useState(() => new LiveCases());
  const snapshot = useSyncExternalStore(store.subscribe, store.snapshot);
  const [rejectedEvents, setRejectedEvents] = useState(0);

  const gridIds = useMemo(() => (grids.data?.features ?? []).map((grid) => grid.properties.id), [grids.data]);
  const crs = mapCrsOf(meta, config.basemap.crs);
  const windowKey = `${query.from}/${query.to}`;
  const { dataUpdatedAt, isPlaceholderData } = cases;
  const input = useMemo(
    () => (useGeoJson ? featureCases.data?.features : caseInput(columnCases.data ?? null)),
    [useGeoJson, featureCases.data, columnCases.data],
  );
  useEffect(() => {
    if (!input || isPlaceholderData || grids.data === undefined) return;
    // Columns carry their own CRS; GeoJSON is in the dataset's (meta), so it waits for meta like every layer.
    const convert = crs.positionStep('crs' in input ? input.crs : null);
    if (convert === null) return;
    store.reset(input, gridIds, windowKey, dataUpdatedAt, convert);
  }, [store, input, isPlaceholderData, dataUpdatedAt, gridIds, grids.data, windowKey, crs]);

  const { refetch } = cases;
  useEffect(() => {
    if (!openStream) return;
    // A burst of events (a replay after a reconnect, a busy minute at 1 M cases) is applied once per frame.
    const batcher = new CaseBatcher<StreamedCase>((batch) => store.applyAll(batch));
    const unsubscribe = openStream({
      onCase: (feature) => batcher.push({ feature, at: Date.now() }),
      onState: setStreamState,
      // After a drop, a resync: the replay covers short gaps, the refetch covers one longer than its buffer.
      onResume: () => void refetch(),
      onRejected: setRejectedEvents,
      network: { target: window, isOnline: () => navigator.onLine },
    });
    return () => {
      unsubscribe();
      batcher.flush();
      // A later subscription starts closed again: no snapshot before it is open.
      setStreamState({ kind: 'connecting' });
    };
  }, [openStream, store, refetch]);

  const connection: CaseConnection = !enabled
    ? { kind: 'off' }
    : streaming
      ? streamState
      : {
          kind: 'polling',
          lastAt: dataUpdatedAt || null,
          failing: failure !== undefined,
          everySeconds: config.refreshSeconds,
        };
  return {
    snapshot,
    connection,
    isPending: enabled && cases.isPending,
    isError: cases.isError,
    error: cases.error,
    failure,
    incomplete: useGeoJson ? incompletenessOf(featureCases.data) : undefined,
    refetch: () => void refetch(),
    rejectedEvents,
    fetchedCount: input === undefined ? null : 'crs' in input ? input.count : input.length,
    skipped: useGeoJson ? featureCases.data?.skipped : skippedOf(columnCases.data ?? null),
  };
}

function skippedOf(answer: CaseColumnsAnswer | null): readonly SkippedFeature[] | undefined {
  if (!answer) return undefined;
  return answer.kind === 'columns' ? answer.wire.skipped : answer.collection.skipped;
}

function caseInput(answer: CaseColumnsAnswer | null): readonly CaseFeature[] | CaseColumnsWire | undefined {
  if (!answer) return undefined;
  return answer.kind === 'columns' ? answer.wire : answer.collection.features;
}
