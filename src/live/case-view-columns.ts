import { caseStages } from '../domain/case';
import {
  allocateCaseViewArrays,
  oneValueColumns,
  type OneValueColumn,
} from '../contract/columnar/case-column-table';
import { copyViewRow, ViewColumnArrays, type ViewColumns } from './view-columns';

/**
 * The view worker's copy of the live columns: sent whole once per snapshot (a fetch, a refetch), then kept current
 * by the rows a batch of streamed cases wrote (`RowPatch`), so a streamed case costs its own few numbers in a
 * message, not a copy of the million.
 */
export type ViewColumnsWire = ViewColumns;

/** The values of some rows (`rows[i]`'s values at index i of every column), to be written there. */
export interface RowPatch extends ViewColumnsWire {
  rows: Uint32Array<ArrayBuffer>;
}

/** The columns as they are, for a structured clone into the worker (one copy, in the browser's postMessage). */
export function viewColumnsWire(columns: ViewColumns): ViewColumnsWire {
  const { count } = columns;
  return {
    count,
    positions: columns.positions.subarray(0, count * 2),
    ...(Object.fromEntries(oneValueColumns.map((name) => [name, columns[name].subarray(0, count)])) as Pick<
      ViewColumns,
      OneValueColumn
    >),
    stageEntered: columns.stageEntered.map((column) => column.subarray(0, count)),
  };
}

/** One column of the wire by name (`stageEntered.2`: the third step's), to be sent in a message of its own. */
export interface WireColumn {
  name: string;
  array: Float32Array | Float64Array | Uint8Array | Int32Array;
}

/**
 * The wire's columns one by one: posting them in separate tasks keeps each structured clone to one column
 * (8 MB at 1 M cases) instead of one long task for all of them.
 */
export function wireColumns(wire: ViewColumnsWire): WireColumn[] {
  return [
    { name: 'positions', array: wire.positions },
    ...oneValueColumns.map((name) => ({ name, array: wire[name] })),
    ...wire.stageEntered.map((array, step) => ({ name: `stageEntered.${step}`, array })),
  ];
}

/** The wire back from its columns, once every one has come; null while some are still missing. */
export function wireOf(
  count: number,
  columns: ReadonlyMap<string, WireColumn['array']>,
): ViewColumnsWire | null {
  const stageEntered = caseStages.map((_, step) => columns.get(`stageEntered.${step}`));
  const wire = {
    count,
    positions: columns.get('positions'),
    ...Object.fromEntries(oneValueColumns.map((name) => [name, columns.get(name)])),
  } as Partial<ViewColumnsWire>;
  if (stageEntered.some((array) => array === undefined)) return null;
  if (wire.positions === undefined || oneValueColumns.some((name) => wire[name] === undefined)) return null;
  return { ...wire, stageEntered } as ViewColumnsWire;
}

/** Gather the current values of `rows` (duplicates are kept; the last write wins when applied in order). */
export function rowPatchOf(columns: ViewColumns, rows: readonly number[]): RowPatch {
  const n = rows.length;
  const patch: RowPatch = { count: n, rows: Uint32Array.from(rows), ...allocateCaseViewArrays(n) };
  rows.forEach((row, index) => copyViewRow(columns, row, patch, index));
  return patch;
}

/** The buffers of a patch, to transfer rather than copy. */
export function patchBuffers(patch: RowPatch): ArrayBuffer[] {
  return [
    patch.rows,
    patch.positions,
    ...oneValueColumns.map((name) => patch[name]),
    ...patch.stageEntered,
  ].map((array) => array.buffer);
}

/** The worker's columns: adopted from the wire, grown (doubling) when a patch appends rows. */
export class ViewColumnsStore extends ViewColumnArrays {
  constructor(wire: ViewColumnsWire) {
    super(wire, wire.count);
  }

  apply(patch: RowPatch): void {
    let size = this.count;
    for (const row of patch.rows) size = Math.max(size, row + 1);
    this.reserve(size);
    this.count = size;
    patch.rows.forEach((row, index) => copyViewRow(patch, index, this, row));
  }
}
