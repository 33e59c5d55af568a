import type { FunnelStep } from '../domain/case-funnel';
import type { ViewColumns } from './view-columns';
import { funnelOfColumns } from './case-funnel-columns';
import { latestRows, overdueRows, type LateCase } from './case-lists';
import {
  packPoints,
  selectCases,
  weightedRows,
  type CasePoints,
  type CaseSelection,
  type CaseWeight,
} from './case-selection';

/**
 * Everything the panel and the map show, derived from the columns in one pass so the map's heat, the counts and
 * the lists always describe the same cases. A streamed case re-runs exactly this (bench/live-cases.bench.ts
 * measures it), so it stays a pure function of the columns and the selection.
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
  /** The city's cases outside every grid under the same filters: counted apart, the latest listed. */
  outsideGrids: { total: number; latest: number[] };
}

export function caseViewOf(columns: ViewColumns, selection: CaseSelection, weight: CaseWeight): CaseView {
  const { rows, outsideGrids } = selectCases(columns, selection);
  const points = packPoints(columns, rows);
  const weighted = weightedRows(columns, rows, weight, selection.now);
  const heat = weighted === rows ? points : packPoints(columns, weighted);
  return {
    rows,
    points,
    heat,
    latest: latestRows(columns, rows, 12),
    overdue: overdueRows(columns, rows, selection.now, 20),
    funnel: funnelOfColumns(columns, rows),
    outsideGrids: { total: outsideGrids.length, latest: latestRows(columns, outsideGrids, 12) },
  };
}
