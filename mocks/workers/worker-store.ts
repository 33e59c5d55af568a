import type { GridFeature } from '../../src/contract/schemas/contract.schema';
import type { WorkerId } from '../../src/domain/ids';
import type { GridWorker } from '../../src/domain/workers';
import { chinaDayStart, dayMs, formatChinaDay } from '../../src/domain/china-time';
import { gridMiddle, patrolDay, patrolPositionAt, patrolTrack, type PatrolDay } from './patrol';
import { rosterOf } from './roster';

const chinaDate = formatChinaDay;

/**
 * The mock's grid workers: the roster and patrol days made on first use for the day asked (4,639 patrol
 * schedules are a few milliseconds; their fixes are computed only for the track asked), kept for that day.
 */
export class WorkerStore {
  private readonly grids: Map<string, GridFeature>;
  private day: { start: number; roster: GridWorker[]; patrols: Map<WorkerId, PatrolDay> } | null = null;

  constructor(
    grids: readonly GridFeature[],
    private readonly seed: number | string,
  ) {
    this.grids = new Map(grids.map((grid) => [grid.properties.id, grid]));
  }

  private dayOf(at: number) {
    const start = chinaDayStart(at);
    if (this.day?.start !== start) {
      const roster = rosterOf([...this.grids.values()], this.seed, chinaDate(start));
      const patrols = new Map<WorkerId, PatrolDay>();
      for (const worker of roster) {
        const grid = this.homeGrid(worker);
        if (grid) patrols.set(worker.id, patrolDay(worker, grid, start, this.seed));
      }
      this.day = { start, roster, patrols };
    }
    return this.day;
  }

  /** The grid he walks: his first (a shared pair's worker walks the grid whose name he carries). */
  private homeGrid(worker: GridWorker): GridFeature | undefined {
    const [first] = worker.gridIds;
    return first === undefined ? undefined : this.grids.get(first);
  }

  roster(now: number): readonly GridWorker[] {
    return this.dayOf(now).roster;
  }

  /** Each worker's latest fix at `now`: on patrol, where he is; otherwise his last fix, or his grid's office. */
  positions(now: number) {
    const day = this.dayOf(now);
    return day.roster.flatMap((worker) => {
      const patrol = day.patrols.get(worker.id);
      const grid = this.homeGrid(worker);
      if (!patrol || !grid) return [];
      const here = patrolPositionAt(patrol, now, worker.id);
      const last = here ? null : patrol.legs.filter((leg) => leg.to <= now).at(-1);
      const at = here ? now : last ? last.to - 60_000 : day.start - dayMs / 4;
      const position = here ?? (last ? patrolPositionAt(patrol, at, worker.id) : null) ?? gridMiddle(grid);
      return [{ worker, position, at }];
    });
  }

  /** The fixes of `dayStart`'s patrol up to `now`; undefined for a worker not on the roster. */
  track(id: string, dayStart: number, now: number) {
    const worker = this.roster(dayStart).find((item) => item.id === id);
    if (!worker) return undefined;
    const grid = this.homeGrid(worker);
    if (!grid) return [];
    return patrolTrack(patrolDay(worker, grid, dayStart, this.seed), now, worker.id);
  }
}
