import type { GridId, WorkerId } from './ids';

/**
 * Grid workers (网格员): one per grid in principle ("one grid, one worker"), though a large grid may have two and
 * neighbouring village grids may share one. Full-time workers patrol all day; part-time ones (often a village
 * cadre) a shorter shift.
 */
export const workerEmployments = ['full_time', 'part_time'] as const;
export type WorkerEmployment = (typeof workerEmployments)[number];

export interface GridWorker {
  id: WorkerId;
  name: string;
  phone: string;
  gridIds: readonly GridId[];
  employment: WorkerEmployment;
  onDuty: boolean;
}

/** A worker's last known position (WGS84 or the dataset's system, as every point of the contract). */
export interface WorkerPosition {
  workerId: WorkerId;
  position: readonly [number, number];
  /** Epoch ms of the fix. */
  at: number;
  onDuty: boolean;
}

/** Mean earth radius (IUGG), the one turf uses: metres. */
const earthRadiusMetres = 6_371_008.8;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres between two longitude/latitude points (haversine). */
export function metresBetween(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = radians(b[1] - a[1]);
  const dLng = radians(b[0] - a[0]);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a[1])) * Math.cos(radians(b[1])) * Math.sin(dLng / 2) ** 2;
  return 2 * earthRadiusMetres * Math.asin(Math.min(1, Math.sqrt(h)));
}
