import type { SchemaProblem } from '../schema-problem';
import type { PartialLayer, SkippedFeature } from '../skipped-feature';
import { noGrid, withoutRows, type CameraColumns } from '../../domain/camera-columns';
import { cameraPurposes, cameraStatuses } from '../../domain/points';
import { decodePointsColumnar } from '../../geo/columnar/points-columnar.decode';
import {
  ColumnarFormatError,
  type CategoryCodes,
  type DecodedColumn,
  type PointsColumnar,
} from '../../geo/columnar/points-columnar';
import type { Crs } from '../../geo/crs';

/**
 * Cameras in the columnar format, decoded and checked into what the map draws. Everything here is plain typed
 * arrays (and one short list of grid ids), so it can be transferred out of the decoding worker without a copy;
 * `cameraColumnsOf` then adds the lazy id lookup on the receiving side.
 */
export interface CameraColumnsWire {
  count: number;
  crs: Crs;
  positions: Float32Array;
  status: Uint8Array;
  purpose: Uint8Array;
  gridIndex: Int32Array;
  gridIds: string[];
  idOffsets: Uint32Array;
  idBytes: Uint8Array;
  /** Names, when the buffer has a `name` category column: a code per camera into `nameDictionary`. */
  names: { codes: CategoryCodes; dictionary: string[]; nullCode: number } | null;
  /**
   * The cameras to leave out (0-based rows here, 1-based numbers in each entry) and why: no status or purpose, or
   * coordinates that are not a position. Left out on the receiving side (`cameraColumnsOfWire`).
   */
  skipped: SkippedFeature[];
}

/**
 * Cameras as columns with the CRS their positions are in: the buffer's own `crs`, or null when they came as
 * GeoJSON, whose CRS is the dataset's (meta); and the cameras left out, as a GeoJSON layer lists them.
 */
export type CameraColumnsAnswer = CameraColumns & { crs: Crs | null } & PartialLayer;

/** What exactly was refused, for the alert in the UI language (DataError's `invalid-data` detail). */
export interface CameraColumnsProblem {
  problem: SchemaProblem;
  field: string;
  /** 1-based, when one camera is at fault. */
  featureNumber?: number;
}

/** Why a camera buffer was refused; becomes a DataError of kind 'format' for the cameras layer. */
export class CameraColumnsError extends Error {
  override readonly name = 'CameraColumnsError';
  constructor(
    message: string,
    readonly problem: CameraColumnsProblem,
  ) {
    super(message);
  }
}

/**
 * Decode and validate: the format's own checks (src/geo/columnar), then the camera columns: `status` and `purpose`
 * are required category columns whose labels must all be the domain's (an unknown label would be drawn as some
 * other status), and every camera must have one; `gridId` is optional. Codes are remapped to the domain's order.
 */
export function decodeCameraColumns(buffer: ArrayBuffer): CameraColumnsWire {
  let decoded: PointsColumnar;
  try {
    decoded = decodePointsColumnar(buffer);
  } catch (error) {
    if (error instanceof ColumnarFormatError)
      throw new CameraColumnsError(error.message, { problem: 'format', field: 'columnar' });
    throw error;
  }
  const { count } = decoded;
  const skipped = new Map<number, SkippedFeature>();
  for (const row of decoded.invalidPoints)
    skipped.set(row, {
      number: row + 1,
      problem: 'range',
      field: 'geometry.coordinates',
      position: [decoded.positions[row * 2] ?? Number.NaN, decoded.positions[row * 2 + 1] ?? Number.NaN],
    });
  const status = domainCodes(decoded.columns.get('status'), 'status', cameraStatuses, count, skipped);
  const purpose = domainCodes(decoded.columns.get('purpose'), 'purpose', cameraPurposes, count, skipped);
  const grid = decoded.columns.get('gridId');
  const gridIndex = new Int32Array(count).fill(noGrid);
  let gridIds: string[] = [];
  if (grid !== undefined) {
    if (grid.kind !== 'category')
      throw new CameraColumnsError('column gridId: not a category column', {
        problem: 'type',
        field: 'gridId',
      });
    gridIds = [...grid.dictionary];
    for (let index = 0; index < count; index += 1) {
      const code = grid.codes[index] ?? grid.nullCode;
      if (code !== grid.nullCode) gridIndex[index] = code;
    }
  }
  // Float32 is what deck.gl draws; a Float64 source (kept exact for joins) is narrowed to about 1 m here.
  const positions =
    decoded.positions instanceof Float32Array
      ? decoded.positions.slice()
      : Float32Array.from(decoded.positions);
  // The format has no string kind; a server may send names as a dictionary (the mock does while < 65,535 distinct).
  const nameColumn = decoded.columns.get('name');
  const names =
    nameColumn?.kind === 'category'
      ? {
          codes: nameColumn.codes.slice(),
          dictionary: [...nameColumn.dictionary],
          nullCode: nameColumn.nullCode,
        }
      : null;
  // Copies of the id blocks (a few bytes a camera), so the whole received buffer need not stay alive.
  const idOffsets = decoded.idOffsets.slice();
  const idBytes = decoded.idBytes.slice();
  return {
    count,
    crs: decoded.crs,
    positions,
    status,
    purpose,
    gridIndex,
    gridIds,
    idOffsets,
    idBytes,
    names,
    skipped: [...skipped.values()]
      .sort((a, b) => a.number - b.number)
      .map((feature) => ({ ...feature, id: decoded.id(feature.number - 1) })),
  };
}

function domainCodes(
  column: DecodedColumn | undefined,
  name: string,
  labels: readonly string[],
  count: number,
  skipped: Map<number, SkippedFeature>,
): Uint8Array {
  if (column === undefined)
    throw new CameraColumnsError(`column ${name} is missing`, { problem: 'missing', field: name });
  if (column.kind !== 'category')
    throw new CameraColumnsError(`column ${name}: not a category column`, { problem: 'type', field: name });
  const remap = column.dictionary.map((label) => labels.indexOf(label));
  const unknown = column.dictionary.find((_, code) => remap[code] === -1);
  if (unknown !== undefined)
    throw new CameraColumnsError(`column ${name}: unknown value "${unknown.slice(0, 40)}"`, {
      problem: 'value',
      field: name,
    });
  const codes = new Uint8Array(count);
  for (let index = 0; index < count; index += 1) {
    const code = column.codes[index] ?? column.nullCode;
    const domain = code === column.nullCode ? -1 : (remap[code] ?? -1);
    // A camera without a status or purpose cannot be drawn as anything: it is left out, the others kept.
    if (domain === -1 && !skipped.has(index))
      skipped.set(index, { number: index + 1, problem: 'missing', field: `properties.${name}` });
    codes[index] = Math.max(domain, 0);
  }
  return codes;
}

/** The columns the map uses, with ids decoded on demand from the transferred id blocks. */
export function cameraColumnsOfWire(wire: CameraColumnsWire): CameraColumnsAnswer {
  const decoder = new TextDecoder();
  const { idOffsets, idBytes } = wire;
  const all: CameraColumnsAnswer = {
    count: wire.count,
    crs: wire.crs,
    positions: wire.positions,
    status: wire.status,
    purpose: wire.purpose,
    gridIndex: wire.gridIndex,
    gridIds: wire.gridIds,
    id: (index) => decoder.decode(idBytes.subarray(idOffsets[index] ?? 0, idOffsets[index + 1] ?? 0)),
    name: (index) => {
      const names = wire.names;
      const code = names?.codes[index] ?? names?.nullCode;
      return names && code !== names.nullCode ? (names.dictionary[code ?? 0] ?? null) : null;
    },
  };
  if (wire.skipped.length === 0) return all;
  const kept = withoutRows(all, new Set(wire.skipped.map((feature) => feature.number - 1)));
  return { ...kept, skipped: wire.skipped };
}
