import { distance } from '@turf/turf';
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

/** Great-circle distance in metres between two longitude/latitude points (turf's haversine, mean earth radius). */
export function metresBetween(a: readonly [number, number], b: readonly [number, number]): number {
  return distance([a[0], a[1]], [b[0], b[1]], { units: 'meters' });
}
