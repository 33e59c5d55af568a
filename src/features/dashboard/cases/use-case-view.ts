import { useMemo } from 'react';
import { latestRows, overdueRows, type LateCase } from '../../../data/live/case-lists';
import {
  gridMask,
  packPoints,
  selectCases,
  weightedRows,
  type CasePoints,
} from '../../../data/live/case-selection';
import type { LiveCasesSnapshot } from '../../../data/live/live-cases';
import type { FunnelStep } from '../../../domain/case-funnel';
import { funnelOfColumns } from '../../../data/live/case-funnel-columns';
import type { Period } from '../../../domain/indicators';
import type { CaseFilterState } from './case-filter-state';

/**
 * Everything the panel and the map show, derived from the columns in one place so the map's heat, the counts
 * and the lists always describe the same cases. Recomputed when the data's version, the filters, the frame or
 * the region change — a streamed case re-runs one pass over the columns (see docs: update cost).
 */
export interface CaseView {
  rows: Uint32Array;
  /** The filtered cases, packed for the map. */
  points: CasePoints;
  /** The cases the heat counts (all, overdue or dissatisfied). */
  heat: CasePoints;
  latest: number[];
  overdue: { cases: LateCase[]; total: number };
  funnel: FunnelStep[];
  /** The data version it was computed from. */
  version: number;
}

export function useCaseView(
  snapshot: LiveCasesSnapshot,
  filters: CaseFilterState,
  frame: Period,
  gridsInRegion: ReadonlySet<string> | null,
  now: number,
): CaseView {
  const { columns, version } = snapshot;
  const regionMask = useMemo(
    () => gridMask(columns.gridIds, gridsInRegion),
    [columns.gridIds, gridsInRegion],
  );
  return useMemo(() => {
    const rows = selectCases(columns, {
      from: frame.from,
      to: frame.to,
      stages: filters.stages,
      categories: filters.categories,
      channels: filters.channels,
      overdueOnly: filters.overdueOnly,
      gridsInRegion: regionMask,
      now,
    });
    const points = packPoints(columns, rows);
    const weighted = weightedRows(columns, rows, filters.weight, now);
    const heat = weighted === rows ? points : packPoints(columns, weighted);
    const funnel = funnelOfColumns(columns, rows);

    return {
      rows,
      points,
      heat,
      latest: latestRows(columns, rows, 12),
      overdue: overdueRows(columns, rows, now, 20),
      funnel,
      version,
    };
  }, [columns, version, filters, frame, regionMask, now]);
}
