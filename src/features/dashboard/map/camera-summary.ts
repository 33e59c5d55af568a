import { noGrid, type CameraColumns } from '../../../domain/camera-columns';
import { cameraStatuses } from '../../../domain/points';

/**
 * How many cameras the focused unit has and how many are online: the Sharp Eyes figure a leader asks for first.
 * A camera belongs to the unit through its grid (grid → community → street → district); the whole city counts
 * every camera, including those not assigned to a grid.
 */
export interface CameraSummary {
  total: number;
  online: number;
}

type CameraCounts = Pick<CameraColumns, 'count' | 'status' | 'gridIndex' | 'gridIds'>;

const onlineCode = cameraStatuses.indexOf('online');

/** One pass over typed columns: the unit's grids become a mask over the cameras' grid rows (2.4 M in ~10 ms). */
export function summariseCameras(cameras: CameraCounts, gridIds: ReadonlySet<string> | null): CameraSummary {
  let total = 0;
  let online = 0;
  const inside =
    gridIds === null ? null : Uint8Array.from(cameras.gridIds, (id) => (gridIds.has(id) ? 1 : 0));
  for (let index = 0; index < cameras.count; index += 1) {
    if (inside !== null) {
      const row = cameras.gridIndex[index] ?? noGrid;
      if (row === noGrid || inside[row] !== 1) continue;
    }
    total += 1;
    if (cameras.status[index] === onlineCode) online += 1;
  }
  return { total, online };
}
