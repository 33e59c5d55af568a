import type { SchemaProblem } from '../schema-problem';
import type { PartialLayer, SkippedFeature } from '../skipped-feature';
import { caseStages } from '../../domain/case';
import {
  caseCodeColumnNames,
  caseCodeColumns,
  caseTimeColumnNames,
  caseTimeColumns,
  noCode,
  stageTimesColumn,
  type CaseCodeColumn,
  type CaseTimeColumn,
  type CaseValueColumns,
} from './case-column-table';
import { decodePointsColumnar } from '../../geo/columnar/points-columnar.decode';
import {
  ColumnarFormatError,
  type DecodedColumn,
  type PointsColumnar,
} from '../../geo/columnar/points-columnar';
import type { Crs } from '../../geo/crs';
import type { CaseCollection } from '../schemas/contract.schema';

/**
 * Cases in the columnar format (GET /cases, docs/api.md), decoded and checked into what the live case columns
 * (src/live/case-columns.ts) are made of: codes already in the domain's order, times as epoch ms, positions
 * as the source sent them. Everything is a plain typed array (and the short grid-id dictionary), so it is
 * transferred out of the decoding worker without a copy and adopted by `CaseColumns.fromWire` as is: no JS
 * object per case. Titles are not in the format.
 */
export type CaseColumnsWire = CaseValueColumns & {
  count: number;
  crs: Crs;
  /** Interleaved longitude, latitude in `crs`, as sent (float64 keeps the source's coordinates). */
  positions: Float64Array<ArrayBuffer>;
  /**
   * A code per case into `gridDictionary`, `noGridCode` for none; null when the buffer has no gridId column.
   * 32-bit whatever the wire's width: a province has more grids (70,000) than 16 bits number.
   */
  gridCodes: Uint32Array<ArrayBuffer> | null;
  gridDictionary: string[];
  idOffsets: Uint32Array<ArrayBuffer>;
  idBytes: Uint8Array<ArrayBuffer>;
  /**
   * The id → row index, built in the worker so the main thread never decodes a million ids: an open-addressing
   * hash table (FNV-1a over each id's UTF-8 bytes, linear probing) of rows, -1 for an empty slot; its length is a
   * power of two. Read it with `idTableRow`.
   */
  idTable: Int32Array<ArrayBuffer>;
  /** The cases left out (a position out of range, a required value missing), named for the layer's notice. */
  skipped?: readonly SkippedFeature[];
};

/**
 * A provider's answer for the cases as columns: the decoded columns, or the GeoJSON it answered instead (a server
 * that ignores the columnar type), parsed by the contract as `cases` would be.
 */
export type CaseColumnsAnswer =
  | { kind: 'columns'; wire: CaseColumnsWire }
  | { kind: 'features'; collection: CaseCollection & PartialLayer };

/** What exactly was refused, for the alert in the UI language (DataError's `invalid-data` detail). */
export interface CaseColumnsProblem {
  problem: SchemaProblem;
  field: string;
  /** 1-based, when one case is at fault. */
  featureNumber?: number;
}

/** Why a case buffer was refused; becomes a DataError of kind 'format' for the cases layer. */
export class CaseColumnsError extends Error {
  override readonly name = 'CaseColumnsError';
  constructor(
    message: string,
    readonly problem: CaseColumnsProblem,
  ) {
    super(message);
  }
}

/** A case with no grid in `gridCodes` (the format's 32-bit null code, past any dictionary). */
const noGridCode = 0xffffffff;

/**
 * Decode and validate: the format's own checks (src/geo/columnar), then the case columns. `status`, `channel` and
 * `category` are required category columns whose labels must all be the domain's, and a case without one is left
 * out and named (`skipped`), as is a case whose position is out of range;
 * `satisfaction` is an optional category column (labels checked, nulls allowed); `reportedAt` and `dueAt` are
 * required timestamps with a value for every case; `closedAt`, `stageTimes.<step>` and `gridId` are optional.
 */
export function decodeCaseColumns(buffer: ArrayBuffer): CaseColumnsWire {
  let decoded: PointsColumnar;
  try {
    decoded = decodePointsColumnar(buffer);
  } catch (error) {
    if (error instanceof ColumnarFormatError)
      throw new CaseColumnsError(error.message, { problem: 'format', field: 'columnar' });
    throw error;
  }
  const { count, columns } = decoded;
  // A bad case is left out and named, the others kept (as the GeoJSON path does): a position out of range or a
  // required value missing. A column that is missing or of the wrong kind still refuses the whole buffer.
  const skipped = new Map<number, SkippedFeature>();
  const skip: SkipRow = (row, problem, field) => {
    if (!skipped.has(row)) skipped.set(row, { number: row + 1, problem, field });
  };
  for (const row of decoded.invalidPoints) skip(row, 'range', 'geometry.coordinates');
  const codes = Object.fromEntries(
    caseCodeColumnNames.map((name) => {
      const { wire, labels, required } = caseCodeColumns[name];
      return [name, domainCodes(columns.get(wire), wire, labels, count, required, skip)];
    }),
  ) as Pick<CaseValueColumns, CaseCodeColumn>;
  const timeValues = Object.fromEntries(
    caseTimeColumnNames.map((name) => {
      const { wire, required } = caseTimeColumns[name];
      return [name, times(columns.get(wire), wire, count, required, skip)];
    }),
  ) as Pick<CaseValueColumns, CaseTimeColumn>;
  const stageEntered = caseStages.map((step) =>
    times(columns.get(stageTimesColumn(step)), stageTimesColumn(step), count, false, skip),
  );
  const grid = columns.get('gridId');
  let gridCodes: Uint32Array<ArrayBuffer> | null = null;
  let gridDictionary: string[] = [];
  if (grid !== undefined) {
    if (grid.kind !== 'category')
      throw new CaseColumnsError('column gridId: not a category column', {
        problem: 'type',
        field: 'gridId',
      });
    gridDictionary = [...grid.dictionary];
    gridCodes = new Uint32Array(count);
    for (let index = 0; index < count; index += 1) {
      const code = grid.codes[index] ?? grid.nullCode;
      gridCodes[index] = code === grid.nullCode ? noGridCode : code;
    }
  }
  // Copies (in the worker), so the whole received buffer need not stay alive on the main thread.
  const all = {
    count,
    crs: decoded.crs,
    positions: Float64Array.from(decoded.positions),
    ...codes,
    ...timeValues,
    stageEntered,
    gridCodes,
    gridDictionary,
    idOffsets: decoded.idOffsets.slice(),
    idBytes: decoded.idBytes.slice(),
  };
  const kept = skipped.size === 0 ? all : withoutRows(all, skipped);
  return {
    ...kept,
    idTable: buildIdTable(kept.idOffsets, kept.idBytes, kept.count),
    ...(skipped.size > 0 && {
      skipped: [...skipped.values()]
        .sort((a, b) => a.number - b.number)
        .map((feature) => ({ ...feature, id: idAt(all, feature.number - 1) })),
    }),
  };
}

type SkipRow = (row: number, problem: SchemaProblem, field: string) => void;
type WireWithoutTable = Omit<CaseColumnsWire, 'idTable' | 'skipped'>;

const decoder = new TextDecoder();
const idAt = (wire: Pick<CaseColumnsWire, 'idOffsets' | 'idBytes'>, row: number): string =>
  decoder.decode(wire.idBytes.subarray(wire.idOffsets[row] ?? 0, wire.idOffsets[row + 1] ?? 0));

/** The rows of a typed array that are kept (`width` values a row), in a new array of the same kind. */
function keptRows<A extends Float64Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Uint32Array<ArrayBuffer>>(
  array: A,
  rows: readonly number[],
  width = 1,
): A {
  const out = new (array.constructor as new (length: number) => A)(rows.length * width);
  rows.forEach((row, index) => {
    for (let offset = 0; offset < width; offset += 1)
      out[index * width + offset] = array[row * width + offset] ?? 0;
  });
  return out;
}

/** The wire without the skipped rows: every per-case array and the id blocks copied down to the kept cases. */
function withoutRows(wire: WireWithoutTable, skipped: ReadonlyMap<number, unknown>): WireWithoutTable {
  const rows: number[] = [];
  for (let row = 0; row < wire.count; row += 1) if (!skipped.has(row)) rows.push(row);
  const idOffsets = new Uint32Array(rows.length + 1);
  const ids = rows.map((row) =>
    wire.idBytes.subarray(wire.idOffsets[row] ?? 0, wire.idOffsets[row + 1] ?? 0),
  );
  const idBytes = new Uint8Array(ids.reduce((sum, id) => sum + id.length, 0));
  ids.forEach((id, index) => {
    const start = idOffsets[index] ?? 0;
    idBytes.set(id, start);
    idOffsets[index + 1] = start + id.length;
  });
  const codes = Object.fromEntries(caseCodeColumnNames.map((name) => [name, keptRows(wire[name], rows)]));
  const timeValues = Object.fromEntries(
    caseTimeColumnNames.map((name) => [name, keptRows(wire[name], rows)]),
  );
  return {
    ...wire,
    count: rows.length,
    positions: keptRows(wire.positions, rows, 2),
    ...(codes as Pick<CaseValueColumns, CaseCodeColumn>),
    ...(timeValues as Pick<CaseValueColumns, CaseTimeColumn>),
    stageEntered: wire.stageEntered.map((values) => keptRows(values, rows)),
    gridCodes: wire.gridCodes ? keptRows(wire.gridCodes, rows) : null,
    idOffsets,
    idBytes,
  };
}

function idHash(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index += 1) hash = Math.imul(hash ^ (bytes[index] ?? 0), 0x01000193);
  return hash >>> 0;
}

function sameBytes(
  bytes: Uint8Array,
  start: number,
  end: number,
  other: Uint8Array,
  otherStart: number,
  otherEnd: number,
): boolean {
  if (end - start !== otherEnd - otherStart) return false;
  for (let index = 0; index < end - start; index += 1)
    if (bytes[start + index] !== other[otherStart + index]) return false;
  return true;
}

/** The id table of `count` ids; a repeated id is refused (a case is one row, as the GeoJSON path's upsert keeps it). */
function buildIdTable(offsets: Uint32Array, bytes: Uint8Array, count: number): Int32Array<ArrayBuffer> {
  let size = 16;
  while (size < count * 2) size *= 2;
  const table = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let row = 0; row < count; row += 1) {
    const start = offsets[row] ?? 0;
    const end = offsets[row + 1] ?? 0;
    let slot = idHash(bytes, start, end) & mask;
    for (;;) {
      const other = table[slot] ?? -1;
      if (other === -1) {
        table[slot] = row;
        break;
      }
      if (sameBytes(bytes, start, end, bytes, offsets[other] ?? 0, offsets[other + 1] ?? 0))
        throw new CaseColumnsError(`ids: case ${row} repeats the id of case ${other}`, {
          problem: 'duplicate',
          field: 'id',
          featureNumber: row + 1,
        });
      slot = (slot + 1) & mask;
    }
  }
  return table;
}

const encoder = new TextEncoder();

/** The row of `id` in a wire's id table, or undefined. */
export function idTableRow(
  id: string,
  table: Int32Array,
  offsets: Uint32Array,
  bytes: Uint8Array,
): number | undefined {
  const wanted = encoder.encode(id);
  const mask = table.length - 1;
  let slot = idHash(wanted, 0, wanted.length) & mask;
  for (;;) {
    const row = table[slot] ?? -1;
    if (row === -1) return undefined;
    if (sameBytes(bytes, offsets[row] ?? 0, offsets[row + 1] ?? 0, wanted, 0, wanted.length)) return row;
    slot = (slot + 1) & mask;
  }
}

function domainCodes(
  column: DecodedColumn | undefined,
  name: string,
  labels: readonly string[],
  count: number,
  required: boolean,
  skip: SkipRow,
): Uint8Array<ArrayBuffer> {
  const codes = new Uint8Array(count).fill(noCode);
  if (column === undefined) {
    if (required)
      throw new CaseColumnsError(`column ${name} is missing`, { problem: 'missing', field: name });
    return codes;
  }
  if (column.kind !== 'category')
    throw new CaseColumnsError(`column ${name}: not a category column`, { problem: 'type', field: name });
  const remap = column.dictionary.map((label) => labels.indexOf(label));
  const unknown = column.dictionary.find((_, code) => remap[code] === -1);
  if (unknown !== undefined)
    throw new CaseColumnsError(`column ${name}: unknown value "${unknown.slice(0, 40)}"`, {
      problem: 'value',
      field: name,
    });
  for (let index = 0; index < count; index += 1) {
    const code = column.codes[index] ?? column.nullCode;
    const domain = code === column.nullCode ? -1 : (remap[code] ?? -1);
    if (domain === -1) {
      if (required) skip(index, 'missing', `properties.${name}`);
      continue;
    }
    codes[index] = domain;
  }
  return codes;
}

function times(
  column: DecodedColumn | undefined,
  name: string,
  count: number,
  required: boolean,
  skip: SkipRow,
): Float64Array<ArrayBuffer> {
  if (column === undefined) {
    if (required)
      throw new CaseColumnsError(`column ${name} is missing`, { problem: 'missing', field: name });
    return new Float64Array(count).fill(Number.NaN);
  }
  if (column.kind !== 'timestamp')
    throw new CaseColumnsError(`column ${name}: not a timestamp column`, { problem: 'type', field: name });
  if (required)
    for (let index = 0; index < count; index += 1)
      if (Number.isNaN(column.values[index])) skip(index, 'missing', `properties.${name}`);
  return column.values.slice();
}
