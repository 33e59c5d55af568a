import type { GridFeature } from '../../src/contract/schemas/contract.schema';
import { gridId, type GridId, type WorkerId } from '../../src/domain/ids';
import type { GridWorker } from '../../src/domain/workers';
import { chinaDayStart, dayMs, formatChinaDay } from '../../src/domain/china-time';
import { gridMiddle, patrolDay, patrolPositionAt, patrolTrack, type PatrolDay } from './patrol';
import { rosterOf } from './roster';
import { pointInArea } from '../cases/grid-sampler';

const chinaDate = formatChinaDay;
/** A patrolling worker's phone reports a fix a minute (mocks/workers/patrol.ts). */
const fixEvery = 60_000;

/**
 * The mock's grid workers: the roster and patrol days made on first use for the day asked (4,639 patrol
 * schedules are a few milliseconds; their fixes are computed only for the track asked), kept for that day.
 */
export class WorkerStore {
  private readonly grids: Map<string, GridFeature>;
  /** The city's grids as generated: the roster is always derived from them, then moved by `movedTo`. */
  private readonly generated: readonly GridFeature[];
  /** A grid a planner redrew away → the new grid that now holds its middle, where its workers now serve. */
  private readonly movedTo = new Map<string, GridId>();
  private day: { start: number; roster: GridWorker[]; patrols: Map<WorkerId, PatrolDay> } | null = null;

  constructor(
    grids: readonly GridFeature[],
    private readonly seed: number | string,
  ) {
    this.generated = grids;
    this.grids = new Map(grids.map((grid) => [grid.properties.id, grid]));
  }

  /**
   * A planner saved `communityId` as `grids`: a worker keeps his post, and each of his grids that is gone becomes
   * the new grid over its middle (a merge gives both workers the merged grid; a split leaves the worker the part
   * where his grid's middle lies). A grid that moved twice follows both moves.
   */
  regrid(communityId: string, grids: readonly GridFeature[]): void {
    const gone = [...this.grids.values()].filter(
      (grid) =>
        grid.properties.communityId === communityId &&
        !grids.some((next) => next.properties.id === grid.properties.id),
    );
    for (const old of gone) {
      const [longitude, latitude] = gridMiddle(old);
      const target = grids.find((grid) => pointInArea(grid.geometry, longitude, latitude)) ?? grids[0];
      if (!target) continue;
      const to = gridId(target.properties.id);
      for (const [from, via] of this.movedTo) if (via === old.properties.id) this.movedTo.set(from, to);
      this.movedTo.set(old.properties.id, to);
      this.grids.delete(old.properties.id);
    }
    for (const grid of grids) this.grids.set(grid.properties.id, grid);
    this.day = null;
  }

  private dayOf(at: number) {
    const start = chinaDayStart(at);
    if (this.day?.start !== start) {
      const roster = rosterOf(this.generated, this.seed, chinaDate(start)).map((worker) => ({
        ...worker,
        gridIds: [...new Set(worker.gridIds.map((id) => this.movedTo.get(id) ?? id))],
      }));
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

  /**
   * Each worker's latest fix at `now`: on patrol, the fix of this minute (a fix a minute, as a position feed
   * delivers them, so a server holding the fixes answers the same); otherwise his last fix, or his grid's office
   * at 18:00 the evening before.
   */
  positions(now: number) {
    const day = this.dayOf(now);
    const thisMinute = Math.floor(now / fixEvery) * fixEvery;
    return day.roster.flatMap((worker) => {
      const patrol = day.patrols.get(worker.id);
      const grid = this.homeGrid(worker);
      if (!patrol || !grid) return [];
      const here = patrolPositionAt(patrol, thisMinute, worker.id);
      const last = here ? null : patrol.legs.filter((leg) => leg.to <= now).at(-1);
      const at = here ? thisMinute : last ? last.to - fixEvery : day.start - dayMs / 4;
      const position = here ?? (last ? patrolPositionAt(patrol, at, worker.id) : null) ?? gridMiddle(grid);
      return [{ worker, position, at }];
    });
  }

  /**
   * What a position feed delivered from `from` to `until` (both in one China day), for loading into a database:
   * each worker's latest fix at `from` (as `positions` answers it), then his patrol fixes after it up to `until`.
   * Whoever holds these answers `positions(t)` and the day's tracks from `from` on exactly as this store does, for
   * any `t` in the window.
   */
  feed(from: number, until: number) {
    const day = this.dayOf(from);
    return this.positions(from).map(({ worker, position, at }) => {
      const patrol = day.patrols.get(worker.id);
      const later = patrol ? patrolTrack(patrol, until + 1, worker.id, from + 1) : [];
      return { worker, fixes: [{ at, position }, ...later] };
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
