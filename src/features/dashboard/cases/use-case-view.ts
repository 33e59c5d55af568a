import { useEffect, useMemo, useState } from 'react';
import type { CaseColumns } from '../../../live/case-columns';
import { funnelOfColumns } from '../../../live/case-funnel-columns';
import { gridMask, type CaseSelection } from '../../../live/case-selection';
import { caseViewOf, type CaseView as CaseViewOfColumns } from '../../../live/case-view';
import { CaseViewClient, type AnsweredView } from '../../../live/case-view-client';
import type { LiveCasesSnapshot } from '../../../live/live-cases';
import type { Period } from '../../../domain/indicators';
import type { CaseFilterState } from './case-filter-state';

/** From this many cases in the window on, the view is derived in the view worker (see useCaseView). */
export const offThreadFrom = 100_000;

export interface CaseView extends CaseViewOfColumns {
  /** The data version it was computed from. */
  version: number;
  /** The live columns its rows point into: the snapshot's, or the previous one's until the worker answers. */
  columns: CaseColumns;
  /** No view yet for these columns (the worker's first answer is on its way). */
  waiting: boolean;
}

/**
 * The cases view for the current filters, frame and region, recomputed when the data's version, the filters,
 * the frame or the region change (see docs/performance.md: update cost, columnar cases).
 *
 * A window of up to `offThreadFrom` cases (a city's year: 35 k, ~10 ms a pass) is derived here, in the render, as
 * before. A larger one (a province: 1 M, ~230 ms a pass) is derived in the view worker over its own copy of the
 * columns: the main thread sends the rows streamed cases wrote and the selection, and shows the last answer
 * until the next one comes (the first time: an empty view, `waiting`).
 */
export function useCaseView(
  snapshot: LiveCasesSnapshot,
  filters: CaseFilterState,
  frame: Period,
  gridsInRegion: ReadonlySet<string> | null,
  now: number,
  threshold = offThreadFrom,
): CaseView {
  const { columns, version } = snapshot;
  const regionMask = useMemo(
    () => gridMask(columns.gridIds, gridsInRegion),
    [columns.gridIds, gridsInRegion],
  );
  const selection = useMemo<CaseSelection>(
    () => ({
      from: frame.from,
      to: frame.to,
      stages: filters.stages,
      categories: filters.categories,
      channels: filters.channels,
      overdueOnly: filters.overdueOnly,
      departments: filters.departments,
      gridsInRegion: regionMask,
      now,
    }),
    [
      frame,
      filters.stages,
      filters.categories,
      filters.channels,
      filters.overdueOnly,
      filters.departments,
      regionMask,
      now,
    ],
  );
  const { weight } = filters;
  const offThread = columns.count >= threshold;
  const inline = useMemo(
    () =>
      offThread ? null : { ...caseViewOf(columns, selection, weight), version, columns, waiting: false },
    // `version` stands for the columns' in-place changes, which React cannot see.
    [offThread, columns, version, selection, weight],
  );
  const answered = useOffThreadView(offThread, columns, version, selection, weight);
  const empty = useMemo(() => emptyView(columns, version), [columns, version]);
  return inline ?? answered ?? empty;
}

/** The view worker's latest answer while the window is large; the worker runs only while it is needed. */
function useOffThreadView(
  enabled: boolean,
  columns: CaseColumns,
  version: number,
  selection: CaseSelection,
  weight: CaseFilterState['weight'],
): CaseView | null {
  const [client] = useState(() => CaseViewClient.inWorker());
  const [answer, setAnswer] = useState<AnsweredView | null>(null);
  useEffect(() => {
    if (enabled) client.request(columns, version, selection, weight, setAnswer);
  }, [client, enabled, columns, version, selection, weight]);
  useEffect(() => {
    if (enabled) return () => client.dispose();
  }, [client, enabled]);
  return useMemo(
    () =>
      enabled && answer
        ? { ...answer.view, version: answer.version, columns: answer.columns, waiting: false }
        : null,
    [enabled, answer],
  );
}

function emptyView(columns: CaseColumns, version: number): CaseView {
  const none = { count: 0, positions: new Float32Array(0), stage: new Uint8Array(0) };
  return {
    rows: new Uint32Array(0),
    points: none,
    heat: none,
    latest: [],
    overdue: { cases: [], total: 0 },
    funnel: funnelOfColumns(columns, new Uint32Array(0)),
    outsideGrids: { total: 0, latest: [] },
    version,
    columns,
    waiting: true,
  };
}
