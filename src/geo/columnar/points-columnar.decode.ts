import {
  ColumnarFormatError,
  blockAlignment,
  categoryWidth,
  columnarMagic,
  columnarVersions,
  headerByteLength,
  nullBoolean,
  positionTypes,
  type BlockRef,
  type CategoryCodes,
  type ColumnRef,
  type ColumnarSchema,
  type ColumnarVersion,
  type DecodedColumn,
  type PointsColumnar,
} from './points-columnar';

/**
 * Decode a columnar point buffer into views over it: nothing is copied. Everything that could make a view lie is
 * checked first (magic, version, block bounds and alignment, id offsets, category codes), so a bad file is refused
 * here with a reason instead of drawing garbage. Points whose coordinates are not finite and in range are listed in
 * `invalidPoints` for the reader to leave out: one bad point does not refuse the other million.
 */
export function decodePointsColumnar(buffer: ArrayBuffer): PointsColumnar {
  if (buffer.byteLength < headerByteLength) throw new ColumnarFormatError('shorter than the header');
  const view = new DataView(buffer);
  const magic = String.fromCharCode(...new Uint8Array(buffer, 0, 4));
  if (magic !== columnarMagic)
    throw new ColumnarFormatError(`not a Gridboard columnar file (magic "${magic}")`);
  const version = view.getUint16(4, true);
  if (!isKnownVersion(version))
    throw new ColumnarFormatError(
      `unsupported version ${version} (this reader knows versions ${columnarVersions.join(' and ')})`,
    );
  const positionType = view.getUint16(6, true);
  const count = view.getUint32(8, true);
  const schemaLength = view.getUint32(12, true);
  if (headerByteLength + schemaLength > buffer.byteLength)
    throw new ColumnarFormatError('schema runs past the end');
  const schema = parseSchema(new Uint8Array(buffer, headerByteLength, schemaLength));

  const elementCount = (ref: BlockRef, bytesPerElement: number, what: string) => {
    checkBlock(buffer, ref, what);
    return ref.byteLength / bytesPerElement;
  };
  const positions =
    positionType === positionTypes.float32
      ? new Float32Array(buffer, schema.positions.byteOffset, elementCount(schema.positions, 4, 'positions'))
      : positionType === positionTypes.float64
        ? new Float64Array(
            buffer,
            schema.positions.byteOffset,
            elementCount(schema.positions, 8, 'positions'),
          )
        : undefined;
  if (positions === undefined) throw new ColumnarFormatError(`unknown position type ${positionType}`);
  if (positions.length !== count * 2)
    throw new ColumnarFormatError('positions do not hold two numbers per point');
  const invalidPoints = invalidPointsOf(positions);

  const idOffsets = new Uint32Array(
    buffer,
    schema.idOffsets.byteOffset,
    elementCount(schema.idOffsets, 4, 'id offsets'),
  );
  const idBytes = new Uint8Array(buffer, schema.idBytes.byteOffset, elementCount(schema.idBytes, 1, 'ids'));
  checkIdOffsets(idOffsets, count, idBytes.length);
  const decoder = new TextDecoder();
  const columns = new Map(
    schema.columns.map((ref) => [ref.name, decodeColumn(buffer, ref, count, version)] as const),
  );
  return {
    version,
    count,
    crs: schema.crs,
    positions,
    invalidPoints,
    columns,
    idOffsets,
    idBytes,
    id: (index) => decoder.decode(idBytes.subarray(idOffsets[index] ?? 0, idOffsets[index + 1] ?? 0)),
  };
}

const isKnownVersion = (version: number): version is ColumnarVersion =>
  (columnarVersions as readonly number[]).includes(version);

function parseSchema(bytes: Uint8Array): ColumnarSchema {
  try {
    // The schema is small (block offsets and dictionaries); its shape is checked block by block below.
    return JSON.parse(new TextDecoder().decode(bytes)) as ColumnarSchema;
  } catch {
    throw new ColumnarFormatError('schema is not JSON');
  }
}

function checkBlock(buffer: ArrayBuffer, ref: BlockRef | undefined, what: string): void {
  const valid =
    ref !== undefined &&
    Number.isSafeInteger(ref.byteOffset) &&
    Number.isSafeInteger(ref.byteLength) &&
    ref.byteOffset >= headerByteLength &&
    ref.byteLength >= 0 &&
    ref.byteOffset % blockAlignment === 0 &&
    ref.byteOffset + ref.byteLength <= buffer.byteLength;
  if (!valid) throw new ColumnarFormatError(`${what}: block out of bounds or misaligned`);
}

/**
 * The points whose coordinates are not a position (NaN, out of range): listed, not refused, so that a reader can
 * leave those points out and keep the rest (src/data/partial-layer.ts).
 */
function invalidPointsOf(positions: Float32Array | Float64Array): number[] {
  const invalid: number[] = [];
  const length = positions.length;
  for (let index = 0; index < length; index += 2) {
    const longitude = positions[index] ?? NaN;
    const latitude = positions[index + 1] ?? NaN;
    if (!(longitude >= -180 && longitude <= 180 && latitude >= -90 && latitude <= 90))
      invalid.push(index / 2);
  }
  return invalid;
}

function checkIdOffsets(offsets: Uint32Array, count: number, byteCount: number): void {
  if (offsets.length !== count + 1 || offsets[0] !== 0 || offsets[count] !== byteCount) {
    throw new ColumnarFormatError('id offsets do not match the point count');
  }
  for (let index = 0; index < count; index++) {
    if ((offsets[index + 1] ?? 0) < (offsets[index] ?? 0))
      throw new ColumnarFormatError(`id ${index}: offsets decrease`);
  }
}

function decodeColumn(
  buffer: ArrayBuffer,
  ref: ColumnRef,
  count: number,
  version: ColumnarVersion,
): DecodedColumn {
  const name = ref.name;
  checkBlock(buffer, ref, `column ${name}`);
  switch (ref.kind) {
    case 'category': {
      const dictionary = ref.dictionary ?? [];
      const { bytesPerCode, nullCode, version: needed } = categoryWidth(dictionary.length);
      // A version-1 file cannot hold 32-bit codes: a writer that sent one without saying version 2 is refused
      // here rather than read with the wrong width.
      if (needed > version)
        throw new ColumnarFormatError(
          `column ${name}: ${dictionary.length} labels need 32-bit codes, which version ${version} does not have`,
        );
      if (ref.byteLength % bytesPerCode !== 0)
        throw new ColumnarFormatError(`column ${name}: block is not whole ${bytesPerCode * 8}-bit codes`);
      const length = ref.byteLength / bytesPerCode;
      const codes =
        bytesPerCode === 1
          ? new Uint8Array(buffer, ref.byteOffset, length)
          : bytesPerCode === 2
            ? new Uint16Array(buffer, ref.byteOffset, length)
            : new Uint32Array(buffer, ref.byteOffset, length);
      checkLength(codes.length, count, ref.name);
      const badCode = firstCodeOutside(codes, dictionary.length, nullCode);
      if (badCode !== -1)
        throw new ColumnarFormatError(
          `column ${ref.name}: point ${badCode} has code ${codes[badCode] ?? nullCode}, not in its dictionary of ${dictionary.length} labels`,
        );
      return { kind: 'category', codes, dictionary, nullCode };
    }
    case 'timestamp':
    case 'number': {
      const values = new Float64Array(buffer, ref.byteOffset, ref.byteLength / 8);
      checkLength(values.length, count, ref.name);
      return { kind: ref.kind, values };
    }
    case 'boolean': {
      const values = new Uint8Array(buffer, ref.byteOffset, ref.byteLength);
      checkLength(values.length, count, ref.name);
      const bad = firstCodeOutside(values, nullBoolean, nullBoolean);
      if (bad !== -1) throw new ColumnarFormatError(`column ${ref.name}: point ${bad} is not a boolean`);
      return { kind: 'boolean', values };
    }
    default:
      throw new ColumnarFormatError(`column ${name}: unknown kind`);
  }
}

function checkLength(length: number, count: number, name: string): void {
  if (length !== count) throw new ColumnarFormatError(`column ${name}: ${length} values for ${count} points`);
}

/**
 * The first point whose code is neither below `limit` nor the null code, else -1. An indexed loop with no callback:
 * this runs over every point of every column, and for…of or a predicate per element costs several times more.
 */
function firstCodeOutside(codes: CategoryCodes, limit: number, nullCode: number): number {
  const length = codes.length;
  for (let index = 0; index < length; index++) {
    const code = codes[index] ?? 0;
    if (code >= limit && code !== nullCode) return index;
  }
  return -1;
}
