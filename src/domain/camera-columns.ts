import { cameraPurposes, cameraStatuses, type CameraPurpose, type CameraStatus } from './points';

/**
 * Cameras as typed columns, whatever they were read from (GeoJSON or the columnar binary format): positions in one
 * Float32Array, status and purpose as small codes, each camera's grid as an index into a list of grid ids. This is
 * the shape for millions of points (Shanxi has 2.4 M): deck.gl reads the arrays as binary attributes, filters and
 * counts walk typed arrays, and no JS object exists per camera. Ids and names are read one at a time (a tooltip
 * needs one, never all).
 */
export interface CameraColumns {
  readonly count: number;
  /** lng, lat interleaved. */
  readonly positions: Float32Array;
  /** Index into `cameraStatuses` (domain/points). */
  readonly status: Uint8Array;
  /** Index into `cameraPurposes` (domain/points). */
  readonly purpose: Uint8Array;
  /** Index into `gridIds` of each camera's grid; `noGrid` for a camera outside every grid. */
  readonly gridIndex: Int32Array;
  /** The grids cameras belong to, each once. */
  readonly gridIds: readonly string[];
  /** The id of camera `index`. */
  id(index: number): string;
  /** The display name of camera `index`, or null when the source sends none (the columnar format carries ids only). */
  name(index: number): string | null;
}

export const noGrid = -1;

/** A camera as GeoJSON gives it: what `cameraColumnsOf` needs of a feature. */
export interface CameraInput {
  geometry: { coordinates: readonly [number, number] };
  properties: {
    id: string;
    name: string;
    status: CameraStatus;
    purpose: CameraPurpose;
    gridId: string | null;
  };
}

/** Columns from features (the GeoJSON path): ids and names stay in lists, since the features held them anyway. */
export function cameraColumnsOf(features: readonly CameraInput[]): CameraColumns {
  const count = features.length;
  const positions = new Float32Array(count * 2);
  const status = new Uint8Array(count);
  const purpose = new Uint8Array(count);
  const gridIndex = new Int32Array(count);
  const gridRow = new Map<string, number>();
  features.forEach((feature, index) => {
    positions[index * 2] = feature.geometry.coordinates[0];
    positions[index * 2 + 1] = feature.geometry.coordinates[1];
    status[index] = cameraStatuses.indexOf(feature.properties.status);
    purpose[index] = cameraPurposes.indexOf(feature.properties.purpose);
    const grid = feature.properties.gridId;
    if (grid === null) {
      gridIndex[index] = noGrid;
      return;
    }
    let row = gridRow.get(grid);
    if (row === undefined) gridRow.set(grid, (row = gridRow.size));
    gridIndex[index] = row;
  });
  const ids = features.map((feature) => feature.properties.id);
  const names = features.map((feature) => feature.properties.name);
  return {
    count,
    positions,
    status,
    purpose,
    gridIndex,
    gridIds: [...gridRow.keys()],
    id: (index) => ids[index] ?? '',
    name: (index) => names[index] ?? null,
  };
}

/**
 * The same columns without the rows in `dropped` (ascending or not): the arrays copied without them, ids and
 * names read through the kept rows' old indices. For a layer that draws its valid cameras and leaves out the few
 * that are not (src/data/partial-layer.ts).
 */
export function withoutRows<C extends CameraColumns>(columns: C, dropped: ReadonlySet<number>): C {
  if (dropped.size === 0) return columns;
  const kept = new Uint32Array(columns.count - dropped.size);
  let next = 0;
  for (let row = 0; row < columns.count; row += 1) if (!dropped.has(row)) kept[next++] = row;
  const positions = new Float32Array(kept.length * 2);
  const status = new Uint8Array(kept.length);
  const purpose = new Uint8Array(kept.length);
  const gridIndex = new Int32Array(kept.length);
  kept.forEach((row, index) => {
    positions[index * 2] = columns.positions[row * 2] ?? 0;
    positions[index * 2 + 1] = columns.positions[row * 2 + 1] ?? 0;
    status[index] = columns.status[row] ?? 0;
    purpose[index] = columns.purpose[row] ?? 0;
    gridIndex[index] = columns.gridIndex[row] ?? noGrid;
  });
  return {
    ...columns,
    count: kept.length,
    positions,
    status,
    purpose,
    gridIndex,
    id: (index: number) => columns.id(kept[index] ?? -1),
    name: (index: number) => columns.name(kept[index] ?? -1),
  };
}
