/**
 * Gridboard's columnar binary format for point layers (cases, cameras, stations): one ArrayBuffer that a decoder
 * turns into typed-array views without copying, so a million points reach deck.gl's binary attributes with no
 * per-point JS object. The byte layout is specified in ./README.md; these are its shared constants and types.
 */
export const columnarMagic = 'GBPC';
/**
 * Version 1: category codes are uint8 or uint16. Version 2 is version 1 plus uint32 codes for a dictionary of 65,535
 * labels or more (a province's 70,000 grids). The encoder writes version 1 whenever every category fits 16 bits, so
 * a version-1 reader keeps reading every file it could read before; it writes version 2 only when a column needs it.
 */
export const columnarVersions = [1, 2] as const;
export type ColumnarVersion = (typeof columnarVersions)[number];
export const columnarMediaType = 'application/vnd.gridboard.points+octet-stream';
/** Fixed header: magic, version, position type, point count, schema length. */
export const headerByteLength = 16;
export const blockAlignment = 8;

export const positionTypes = { float32: 1, float64: 2 } as const;
export type PositionType = keyof typeof positionTypes;

/** Codes reserved for "no value" in category and boolean columns. */
export const nullCategoryCode8 = 0xff;
export const nullCategoryCode16 = 0xffff;
export const nullCategoryCode32 = 0xffffffff;
export const nullBoolean = 2;

export type ColumnKind = 'category' | 'timestamp' | 'number' | 'boolean';

/** A category column's codes: one element per point, its width set by the dictionary's size (`categoryWidth`). */
export type CategoryCodes = Uint8Array | Uint16Array | Uint32Array;

export interface CategoryWidth {
  bytesPerCode: 1 | 2 | 4;
  nullCode: number;
  /** The first format version with codes this wide. */
  version: ColumnarVersion;
}

/**
 * The code width of a dictionary of `labelCount` labels: the narrowest element whose null code (its largest value)
 * is not a label's code. The width follows from the dictionary alone, in every version, so there is no separate
 * width field for a writer to get wrong and a reader to cross-check (README: "Versioning").
 */
export function categoryWidth(labelCount: number): CategoryWidth {
  if (labelCount < nullCategoryCode8) return { bytesPerCode: 1, nullCode: nullCategoryCode8, version: 1 };
  if (labelCount < nullCategoryCode16) return { bytesPerCode: 2, nullCode: nullCategoryCode16, version: 1 };
  return { bytesPerCode: 4, nullCode: nullCategoryCode32, version: 2 };
}

/** One property column as a provider hands it to the encoder, a value per point in point order. */
export type ColumnInput =
  | { name: string; kind: 'category'; values: readonly (string | null)[] }
  | { name: string; kind: 'timestamp' | 'number'; values: readonly (number | null)[] }
  | { name: string; kind: 'boolean'; values: readonly (boolean | null)[] };

export interface PointsInput {
  /** `wgs84` unless the source declares `gcj02`; the client converts before overlaying. */
  crs: 'wgs84' | 'gcj02';
  positionType: PositionType;
  /** Interleaved longitude, latitude. */
  positions: ArrayLike<number>;
  ids: readonly string[];
  columns: readonly ColumnInput[];
}

/** The JSON schema block that follows the fixed header: where each block lies, and the category dictionaries. */
export interface ColumnarSchema {
  crs: 'wgs84' | 'gcj02';
  positions: BlockRef;
  idOffsets: BlockRef;
  idBytes: BlockRef;
  columns: ColumnRef[];
}

export interface BlockRef {
  byteOffset: number;
  byteLength: number;
}

export interface ColumnRef extends BlockRef {
  name: string;
  kind: ColumnKind;
  /** Category columns: code → label; codes are Uint8, Uint16 or (version 2) Uint32 by its size (`categoryWidth`). */
  dictionary?: string[];
}

export type DecodedColumn =
  | { kind: 'category'; codes: CategoryCodes; dictionary: readonly string[]; nullCode: number }
  | { kind: 'timestamp' | 'number'; values: Float64Array }
  | { kind: 'boolean'; values: Uint8Array };

export interface PointsColumnar {
  /** The version the buffer was written in (1 or 2). */
  readonly version: ColumnarVersion;
  readonly count: number;
  readonly crs: 'wgs84' | 'gcj02';
  /** Interleaved longitude, latitude: pass as `{ value: positions, size: 2 }` to a deck.gl binary attribute. */
  readonly positions: Float32Array | Float64Array;
  /** The points (ascending) whose coordinates are not a position: NaN or outside ±180°/±90°. */
  readonly invalidPoints: readonly number[];
  readonly columns: ReadonlyMap<string, DecodedColumn>;
  /** The id blocks themselves, for a reader that moves ids elsewhere (a worker transferring them) in bulk. */
  readonly idOffsets: Uint32Array;
  readonly idBytes: Uint8Array;
  /** The id of point `index`, decoded on demand (tooltips need a few, never all million). */
  id(index: number): string;
}

export class ColumnarFormatError extends Error {
  override readonly name = 'ColumnarFormatError';
}
