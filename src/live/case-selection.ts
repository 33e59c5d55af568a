import {
  caseCategories,
  caseChannels,
  caseStages,
  satisfactionLevels,
  type CaseCategory,
  type CaseChannel,
  type CaseStage,
} from '../domain/case';
import { departmentIds, type DepartmentId } from '../domain/department';
import { noCode } from '../contract/columnar/case-column-table';
import type { ViewColumns } from './view-columns';

/**
 * The dashboard's case filters over the columns: the contract's own filters (window, stage, category, region)
 * plus channel, "overdue only" and department, which the client adds. The result is a list of rows — no case is copied.
 */
export interface CaseSelection {
  /** Reporting window [from, to) in epoch ms. */
  from: number;
  to: number;
  /** Empty set = no restriction, as an absent query parameter. */
  stages: ReadonlySet<CaseStage>;
  categories: ReadonlySet<CaseCategory>;
  channels: ReadonlySet<CaseChannel>;
  overdueOnly: boolean;
  /** The departments handling the case (a league table's drill); a case with none is kept only by an empty set. */
  departments: ReadonlySet<DepartmentId>;
  /**
   * The focused unit's grids (rows of `columns.gridIds`, 1 = inside); null = the whole city, whose view also
   * gathers the cases outside every grid apart (src/domain/outside-grids.ts).
   */
  gridsInRegion: Uint8Array | null;
  /** The instant "overdue" is judged at. */
  now: number;
}

/** What the heat counts: every case, or only those overdue / rated dissatisfied (a 0/1 weight). */
export const caseWeights = ['all', 'overdue', 'dissatisfied'] as const;
export type CaseWeight = (typeof caseWeights)[number];

const dissatisfiedCode = satisfactionLevels.indexOf('dissatisfied');

/** A 256-entry lookup of allowed codes; every code allowed when the set is empty. */
function allowed<T extends string>(dictionary: readonly T[], chosen: ReadonlySet<T>): Uint8Array {
  const table = new Uint8Array(256);
  if (chosen.size === 0) table.fill(1);
  else for (const value of chosen) table[dictionary.indexOf(value)] = 1;
  return table;
}

/** Overdue: open past its deadline, or closed after it (the domain's isOverdue, on columns). */
export function isOverdueAt(columns: ViewColumns, row: number, now: number): boolean {
  const closed = columns.closedAt[row] ?? Number.NaN;
  const end = Number.isNaN(closed) ? now : closed;
  return end > (columns.dueAt[row] ?? Number.POSITIVE_INFINITY);
}

/** The selected rows, and (for the whole city) those the same filters keep that lie outside every grid. */
export interface SelectedCases {
  /** The cases every figure counts: in one of the city's grids (in the focused unit's, when one is focused). */
  rows: Uint32Array;
  /** The "outside the grids" bucket: no grid row (src/domain/outside-grids.ts); empty when a unit is focused. */
  outsideGrids: Uint32Array;
}

export function selectCases(columns: ViewColumns, selection: CaseSelection): SelectedCases {
  const stages = allowed(caseStages, selection.stages);
  const categories = allowed(caseCategories, selection.categories);
  const channels = allowed(caseChannels, selection.channels);
  const departments = allowed(departmentIds, selection.departments);
  const region = selection.gridsInRegion;
  const rows = new Uint32Array(columns.count);
  const outside: number[] = [];
  let kept = 0;
  for (let row = 0; row < columns.count; row += 1) {
    const reported = columns.reportedAt[row] ?? Number.NaN;
    if (!(reported >= selection.from && reported < selection.to)) continue;
    if (stages[columns.stage[row] ?? noCode] !== 1) continue;
    if (categories[columns.category[row] ?? noCode] !== 1) continue;
    if (channels[columns.channel[row] ?? noCode] !== 1) continue;
    if (departments[columns.department[row] ?? noCode] !== 1) continue;
    if (selection.overdueOnly && !isOverdueAt(columns, row, selection.now)) continue;
    const grid = columns.grid[row] ?? -1;
    if (grid < 0) {
      if (!region) outside.push(row);
      continue;
    }
    if (region && region[grid] !== 1) continue;
    rows[kept] = row;
    kept += 1;
  }
  return { rows: rows.subarray(0, kept), outsideGrids: Uint32Array.from(outside) };
}

/** The rows that carry weight: all of them, or the overdue / dissatisfied ones. */
export function weightedRows(
  columns: ViewColumns,
  rows: Uint32Array,
  weight: CaseWeight,
  now: number,
): Uint32Array {
  if (weight === 'all') return rows;
  return rows.filter((row) =>
    weight === 'overdue' ? isOverdueAt(columns, row, now) : columns.satisfaction[row] === dissatisfiedCode,
  );
}

/** Positions and stage codes of the chosen rows, packed for deck.gl binary attributes. */
export interface CasePoints {
  count: number;
  positions: Float32Array;
  stage: Uint8Array;
}

export function packPoints(columns: ViewColumns, rows: Uint32Array): CasePoints {
  const positions = new Float32Array(rows.length * 2);
  const stage = new Uint8Array(rows.length);
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index] ?? 0;
    positions[index * 2] = columns.positions[row * 2] ?? 0;
    positions[index * 2 + 1] = columns.positions[row * 2 + 1] ?? 0;
    stage[index] = columns.stage[row] ?? 0;
  }
  return { count: rows.length, positions, stage };
}

/** The grids of a unit as a row mask over `gridIds`; null (whole city) stays null. */
export function gridMask(gridIds: readonly string[], inside: ReadonlySet<string> | null): Uint8Array | null {
  if (inside === null) return null;
  return Uint8Array.from(gridIds, (id) => (inside.has(id) ? 1 : 0));
}
