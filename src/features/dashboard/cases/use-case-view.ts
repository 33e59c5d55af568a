import { useMemo } from 'react';
import { gridMask } from '../../../data/live/case-selection';
import { caseViewOf, type CaseView as CaseViewOfColumns } from '../../../data/live/case-view';
import type { LiveCasesSnapshot } from '../../../data/live/live-cases';
import type { Period } from '../../../domain/indicators';
import type { CaseFilterState } from './case-filter-state';

/**
 * The cases view for the current filters, frame and region, recomputed when the data's version, the filters,
 * the frame or the region change — a streamed case re-runs one pass over the columns (see docs: update cost).
 */
export interface CaseView extends CaseViewOfColumns {
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
    const view = caseViewOf(
      columns,
      {
        from: frame.from,
        to: frame.to,
        stages: filters.stages,
        categories: filters.categories,
        channels: filters.channels,
        overdueOnly: filters.overdueOnly,
        gridsInRegion: regionMask,
        now,
      },
      filters.weight,
    );
    return { ...view, version };
    // `version` stands for the columns' in-place changes, which React cannot see.
  }, [columns, version, filters, frame, regionMask, now]);
}
