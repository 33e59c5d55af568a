import { isOverdueAt } from './case-selection';
import type { ViewColumns } from './view-columns';

/**
 * The short lists beside the map, from the selected rows: the latest reports, and the open cases past their
 * deadline, latest first. Both keep only the top `limit` while scanning, so a year of cases costs one pass.
 */
export interface LateCase {
  row: number;
  /** How long past its deadline, in ms. */
  lateMs: number;
}

/** Insert into a list kept sorted by `score` (high first), capped at `limit`. */
function keepTop<T>(list: T[], item: T, score: (value: T) => number, limit: number): void {
  if (list.length === limit) {
    const last = list[list.length - 1];
    if (last !== undefined && score(last) >= score(item)) return;
    list.pop();
  }
  let at = list.length;
  while (at > 0) {
    const before = list[at - 1];
    if (before === undefined || score(before) >= score(item)) break;
    at -= 1;
  }
  list.splice(at, 0, item);
}

export function latestRows(columns: ViewColumns, rows: Uint32Array, limit: number): number[] {
  const top: number[] = [];
  const reported = (row: number) => columns.reportedAt[row] ?? 0;
  for (const row of rows) keepTop(top, row, reported, limit);
  return top;
}

/** Open cases past their deadline, sorted by lateness. Closed-late cases are history, not work to chase. */
export function overdueRows(
  columns: ViewColumns,
  rows: Uint32Array,
  now: number,
  limit: number,
): { cases: LateCase[]; total: number } {
  const cases: LateCase[] = [];
  let total = 0;
  for (const row of rows) {
    if (!Number.isNaN(columns.closedAt[row] ?? Number.NaN)) continue;
    if (!isOverdueAt(columns, row, now)) continue;
    total += 1;
    keepTop(cases, { row, lateMs: now - (columns.dueAt[row] ?? now) }, (item) => item.lateMs, limit);
  }
  return { cases, total };
}
