import {
  oneValueColumns,
  reserveCaseRows,
  type CaseViewArrays,
} from '../contract/columnar/case-column-table';

/**
 * What a view is derived from (selection, heat, lists, funnel): the code and time columns, without ids or
 * features (src/contract/columnar/case-column-table.ts declares them). The live columns (case-columns.ts) are one;
 * the view worker's copy (case-view-columns.ts) is another.
 */
export type ViewColumns = CaseViewArrays & { count: number };

/**
 * The arrays every copy of the view columns holds, adopted as given and grown by doubling: the one place the
 * live columns and the view worker's copy keep their columns.
 */
export abstract class ViewColumnArrays implements ViewColumns {
  positions: Float32Array<ArrayBuffer>;
  stage: Uint8Array<ArrayBuffer>;
  channel: Uint8Array<ArrayBuffer>;
  category: Uint8Array<ArrayBuffer>;
  satisfaction: Uint8Array<ArrayBuffer>;
  department: Uint8Array<ArrayBuffer>;
  resolvedAtLevel: Uint8Array<ArrayBuffer>;
  supervisionState: Uint8Array<ArrayBuffer>;
  reportedAt: Float64Array<ArrayBuffer>;
  dueAt: Float64Array<ArrayBuffer>;
  closedAt: Float64Array<ArrayBuffer>;
  escalatedAt: Float64Array<ArrayBuffer>;
  supervisedAt: Float64Array<ArrayBuffer>;
  supervisionDeadline: Float64Array<ArrayBuffer>;
  grid: Int32Array<ArrayBuffer>;
  stageEntered: Float64Array<ArrayBuffer>[];

  constructor(
    arrays: CaseViewArrays,
    public count: number,
  ) {
    this.positions = arrays.positions;
    this.stage = arrays.stage;
    this.channel = arrays.channel;
    this.category = arrays.category;
    this.satisfaction = arrays.satisfaction;
    this.department = arrays.department;
    this.resolvedAtLevel = arrays.resolvedAtLevel;
    this.supervisionState = arrays.supervisionState;
    this.reportedAt = arrays.reportedAt;
    this.dueAt = arrays.dueAt;
    this.closedAt = arrays.closedAt;
    this.escalatedAt = arrays.escalatedAt;
    this.supervisedAt = arrays.supervisedAt;
    this.supervisionDeadline = arrays.supervisionDeadline;
    this.grid = arrays.grid;
    this.stageEntered = arrays.stageEntered;
  }

  /** Grow every column to hold `size` rows, doubling so appends stay amortised O(1). */
  protected reserve(size: number): void {
    reserveCaseRows(this, size);
  }
}

/** Copy every column's value of one row (`from[fromRow]`) into another row (`to[toRow]`). */
export function copyViewRow(from: CaseViewArrays, fromRow: number, to: CaseViewArrays, toRow: number): void {
  to.positions[toRow * 2] = from.positions[fromRow * 2] ?? 0;
  to.positions[toRow * 2 + 1] = from.positions[fromRow * 2 + 1] ?? 0;
  for (const name of oneValueColumns) to[name][toRow] = from[name][fromRow] ?? 0;
  to.stageEntered.forEach((column, step) => {
    column[toRow] = from.stageEntered[step]?.[fromRow] ?? Number.NaN;
  });
}
