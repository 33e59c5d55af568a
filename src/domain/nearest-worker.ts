import type { GridId, WorkerId } from './ids';
import { metresBetween } from './workers';

/** A worker as the dispatcher weighs him: where he is, which grids are his, whether he is on duty. */
export interface WorkerCandidate {
  workerId: WorkerId;
  position: readonly [number, number];
  gridIds: readonly GridId[];
  onDuty: boolean;
}

export interface NearestWorker {
  workerId: WorkerId;
  metres: number;
  /** He looks after the case's own grid (the first choice); false: the nearest on duty anywhere. */
  inCaseGrid: boolean;
}

/**
 * Who is sent to a case: the case's own grid worker first (the grid is his responsibility, he knows the
 * residents), the nearer one where the grid has two; when none of its workers is on duty, the on-duty worker
 * nearest in a straight line. Off-duty workers are never proposed. Null when nobody is on duty.
 */
export function nearestWorker(
  site: { position: readonly [number, number]; gridId: GridId | null },
  workers: readonly WorkerCandidate[],
): NearestWorker | null {
  let inGrid: NearestWorker | null = null;
  let anywhere: NearestWorker | null = null;
  for (const worker of workers) {
    if (!worker.onDuty) continue;
    const metres = metresBetween(site.position, worker.position);
    const own = site.gridId !== null && worker.gridIds.includes(site.gridId);
    if (own && (inGrid === null || metres < inGrid.metres))
      inGrid = { workerId: worker.workerId, metres, inCaseGrid: true };
    if (anywhere === null || metres < anywhere.metres)
      anywhere = { workerId: worker.workerId, metres, inCaseGrid: false };
  }
  return inGrid ?? anywhere;
}
