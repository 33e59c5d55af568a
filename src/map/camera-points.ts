import { cameraPurposes, cameraStatuses, type CameraPurpose, type CameraStatus } from '../domain/points';

/**
 * Cameras as columns: positions in one Float32Array, status and purpose as small codes. This is the fast path for
 * millions of points (Shanxi has 2.4 M): deck.gl reads the arrays as binary attributes, and filtering or
 * clustering walks typed arrays instead of re-creating objects on every render.
 */
export interface CameraPoints {
  readonly count: number;
  /** lng, lat interleaved. */
  readonly positions: Float32Array;
  /** Index into cameraStatuses. */
  readonly status: Uint8Array;
  /** Index into cameraPurposes. */
  readonly purpose: Uint8Array;
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly gridIds: readonly (string | null)[];
}

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

export function cameraPointsOf(features: readonly CameraInput[]): CameraPoints {
  const count = features.length;
  const positions = new Float32Array(count * 2);
  const status = new Uint8Array(count);
  const purpose = new Uint8Array(count);
  features.forEach((feature, index) => {
    positions[index * 2] = feature.geometry.coordinates[0];
    positions[index * 2 + 1] = feature.geometry.coordinates[1];
    status[index] = cameraStatuses.indexOf(feature.properties.status);
    purpose[index] = cameraPurposes.indexOf(feature.properties.purpose);
  });
  return {
    count,
    positions,
    status,
    purpose,
    ids: features.map((feature) => feature.properties.id),
    names: features.map((feature) => feature.properties.name),
    gridIds: features.map((feature) => feature.properties.gridId),
  };
}

export interface CameraFilter {
  statuses: ReadonlySet<CameraStatus>;
  purposes: ReadonlySet<CameraPurpose>;
}

export const allCameras: CameraFilter = {
  statuses: new Set(cameraStatuses),
  purposes: new Set(cameraPurposes),
};

/** The cameras a filter keeps: a subset in the same columnar shape, plus where each came from. */
export interface CameraSubset {
  readonly count: number;
  readonly positions: Float32Array;
  readonly status: Uint8Array;
  /** Index of each kept camera in the full CameraPoints. */
  readonly source: Uint32Array;
}

export function filterCameras(points: CameraPoints, filter: CameraFilter): CameraSubset {
  const statusKept = cameraStatuses.map((status) => filter.statuses.has(status));
  const purposeKept = cameraPurposes.map((purpose) => filter.purposes.has(purpose));
  const source = new Uint32Array(points.count);
  let kept = 0;
  for (let index = 0; index < points.count; index += 1) {
    if (statusKept[points.status[index] ?? 0] && purposeKept[points.purpose[index] ?? 0]) {
      source[kept] = index;
      kept += 1;
    }
  }
  const positions = new Float32Array(kept * 2);
  const status = new Uint8Array(kept);
  for (let index = 0; index < kept; index += 1) {
    const from = source[index] ?? 0;
    positions[index * 2] = points.positions[from * 2] ?? 0;
    positions[index * 2 + 1] = points.positions[from * 2 + 1] ?? 0;
    status[index] = points.status[from] ?? 0;
  }
  return { count: kept, positions, status, source: source.slice(0, kept) };
}
