import { cameraColumnsOf, type CameraColumns, type CameraInput } from '../domain/camera-columns';
import { cameraPurposes, cameraStatuses, type CameraPurpose, type CameraStatus } from '../domain/points';

/** Cameras as the map draws them: typed columns (see domain/camera-columns), from GeoJSON or the binary format. */
export type CameraPoints = CameraColumns;
export type { CameraInput };
export const cameraPointsOf = cameraColumnsOf;

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
