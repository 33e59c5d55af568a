import {
  blockAlignment,
  categoryWidth,
  columnarMagic,
  headerByteLength,
  nullBoolean,
  positionTypes,
  type ColumnarVersion,
  type ColumnInput,
  type ColumnKind,
  type ColumnRef,
  type ColumnarSchema,
  type PointsInput,
} from './points-columnar';

interface PendingBlock {
  bytes: Uint8Array;
  ref: { byteOffset: number; byteLength: number };
}

/** Encode points into the columnar format (used by the mock API and by any provider that offers it). */
export function encodePointsColumnar(input: PointsInput): ArrayBuffer {
  const count = input.ids.length;
  if (input.positions.length !== count * 2) throw new RangeError('positions must hold two numbers per id');
  const encoder = new TextEncoder();
  const idBytes = input.ids.map((id) => encoder.encode(id));
  const idOffsets = new Uint32Array(count + 1);
  idBytes.forEach((bytes, index) => (idOffsets[index + 1] = (idOffsets[index] ?? 0) + bytes.length));
  const idData = new Uint8Array(idOffsets[count] ?? 0);
  idBytes.forEach((bytes, index) => idData.set(bytes, idOffsets[index]));
  return assemblePointsColumnar({
    crs: input.crs,
    positions:
      input.positionType === 'float32'
        ? Float32Array.from(input.positions)
        : Float64Array.from(input.positions),
    idOffsets,
    idBytes: idData,
    columns: input.columns.map((column) => ({
      ...encodeColumn(column, count),
      name: column.name,
      kind: column.kind,
    })),
  });
}

/** Blocks already in their wire types: what a generator of millions of points writes without a JS object each. */
export interface ColumnarBlocks {
  crs: 'wgs84' | 'gcj02';
  /** Interleaved longitude, latitude; its type sets the header's position type. */
  positions: Float32Array | Float64Array;
  /** n + 1 offsets into `idBytes`, from 0. */
  idOffsets: Uint32Array;
  idBytes: Uint8Array;
  columns: readonly { name: string; kind: ColumnKind; array: ArrayBufferView; dictionary?: string[] }[];
}

/**
 * Lay typed blocks out in the format (header, schema, 8-byte aligned blocks); the arrays are copied once. The
 * version is the lowest that holds every column: 1 unless a dictionary needs 32-bit codes.
 */
export function assemblePointsColumnar(input: ColumnarBlocks): ArrayBuffer {
  const count = input.idOffsets.length - 1;
  const version = formatVersion(input.columns);
  const encoder = new TextEncoder();
  const blocks: PendingBlock[] = [];
  // Refs are placed later; each block keeps the very object the schema holds, so placing it updates the schema.
  const block = <R extends { byteOffset: number; byteLength: number }>(array: ArrayBufferView, ref: R): R => {
    ref.byteLength = array.byteLength;
    blocks.push({ bytes: new Uint8Array(array.buffer, array.byteOffset, array.byteLength), ref });
    return ref;
  };
  const unplaced = () => ({ byteOffset: 0, byteLength: 0 });
  const schema: ColumnarSchema = {
    crs: input.crs,
    positions: block(input.positions, unplaced()),
    idOffsets: block(input.idOffsets, unplaced()),
    idBytes: block(input.idBytes, unplaced()),
    columns: input.columns.map((column) => {
      const ref: ColumnRef = { name: column.name, kind: column.kind, ...unplaced() };
      if (column.dictionary) ref.dictionary = column.dictionary;
      return block(column.array, ref);
    }),
  };
  // Block offsets depend on the schema's length, which depends on the offsets' digits: reserve room for the schema,
  // place the blocks after it, and grow the reservation until the schema fits (JSON tolerates trailing spaces).
  let reserved = encoder.encode(JSON.stringify(schema)).length;
  let schemaBytes: Uint8Array;
  for (;;) {
    let offset = align(headerByteLength + reserved);
    for (const pending of blocks) {
      pending.ref.byteOffset = offset;
      offset = align(offset + pending.ref.byteLength);
    }
    // Padded in bytes, not characters: a non-ASCII dictionary label (a Chinese name) takes 3 bytes a character.
    const json = encoder.encode(JSON.stringify(schema));
    if (json.length <= reserved) {
      schemaBytes = new Uint8Array(reserved).fill(0x20);
      schemaBytes.set(json);
      break;
    }
    reserved = json.length;
  }
  const last = blocks[blocks.length - 1]?.ref;
  const buffer = new ArrayBuffer(align(last ? last.byteOffset + last.byteLength : headerByteLength));
  const view = new DataView(buffer);
  new Uint8Array(buffer).set(encoder.encode(columnarMagic), 0);
  view.setUint16(4, version, true);
  const positionType = input.positions instanceof Float32Array ? 'float32' : 'float64';
  view.setUint16(6, positionTypes[positionType], true);
  view.setUint32(8, count, true);
  view.setUint32(12, schemaBytes.length, true);
  new Uint8Array(buffer).set(schemaBytes, headerByteLength);
  for (const pending of blocks) new Uint8Array(buffer).set(pending.bytes, pending.ref.byteOffset);
  return buffer;
}

function encodeColumn(column: ColumnInput, count: number): { array: ArrayBufferView; dictionary?: string[] } {
  if (column.values.length !== count)
    throw new RangeError(`column ${column.name} must hold one value per point`);
  switch (column.kind) {
    case 'category': {
      const dictionary = [...new Set(column.values.filter((value) => value !== null))];
      const { bytesPerCode, nullCode } = categoryWidth(dictionary.length);
      const codeOf = new Map(dictionary.map((label, code) => [label, code]));
      const codes =
        bytesPerCode === 1
          ? new Uint8Array(count)
          : bytesPerCode === 2
            ? new Uint16Array(count)
            : new Uint32Array(count);
      column.values.forEach((value, index) => {
        codes[index] = value === null ? nullCode : (codeOf.get(value) ?? nullCode);
      });
      return { array: codes, dictionary };
    }
    case 'timestamp':
    case 'number':
      return { array: Float64Array.from(column.values, (value) => value ?? NaN) };
    case 'boolean':
      return {
        array: Uint8Array.from(column.values, (value) => (value === null ? nullBoolean : Number(value))),
      };
  }
}

const codeArrays = { 1: Uint8Array, 2: Uint16Array, 4: Uint32Array } as const;

/**
 * The version a set of columns needs, after checking that each category column's codes are the array its
 * dictionary's size calls for (a generator that hands Uint16 codes for 70,000 grids would write a file no reader
 * can decode).
 */
function formatVersion(columns: ColumnarBlocks['columns']): ColumnarVersion {
  let version: ColumnarVersion = 1;
  for (const column of columns) {
    if (column.kind !== 'category') continue;
    const labels = column.dictionary?.length ?? 0;
    const width = categoryWidth(labels);
    if (!(column.array instanceof codeArrays[width.bytesPerCode]))
      throw new RangeError(
        `column ${column.name}: ${labels} labels need ${codeArrays[width.bytesPerCode].name} codes`,
      );
    if (width.version > version) version = width.version;
  }
  return version;
}

const align = (offset: number) => Math.ceil(offset / blockAlignment) * blockAlignment;
