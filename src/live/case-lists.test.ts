import { describe, expect, it } from 'vitest';
import { CaseColumns } from './case-columns';
import { sampleCases, sampleGridIds, sampleStart } from '../contract/columnar/case.fixtures';
import { latestRows, overdueRows } from './case-lists';
import { selectCases } from './case-selection';

const columns = CaseColumns.from(sampleCases(500), sampleGridIds);
const now = sampleStart + 200 * 86_400_000;
const rows = selectCases(columns, {
  from: 0,
  to: Number.POSITIVE_INFINITY,
  stages: new Set(),
  categories: new Set(),
  channels: new Set(),
  overdueOnly: false,
  departments: new Set(),
  gridsInRegion: null,
  now,
}).rows;

describe('case lists', () => {
  it('lists the latest reports, newest first', () => {
    const latest = latestRows(columns, rows, 10);
    const sorted = Array.from(rows).sort((a, b) => columns.reportedAt[b]! - columns.reportedAt[a]!);
    expect(latest).toEqual(sorted.slice(0, 10));
  });

  it('lists open cases past their deadline by lateness, and counts them all', () => {
    const { cases, total } = overdueRows(columns, rows, now, 5);
    const open = Array.from(rows).filter(
      (row) => Number.isNaN(columns.closedAt[row]) && columns.dueAt[row]! < now,
    );
    expect(total).toBe(open.length);
    expect(cases.map((item) => item.row)).toEqual(
      open.sort((a, b) => columns.dueAt[a]! - columns.dueAt[b]!).slice(0, 5),
    );
    for (const item of cases) expect(item.lateMs).toBe(now - columns.dueAt[item.row]!);
  });
});
