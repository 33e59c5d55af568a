import { booleanPointInPolygon, buffer } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoCity } from '../demo-city';
import { loadDemoCity } from '../node';
import { gridId } from '../../src/domain/ids';
import { WorkerStore } from './worker-store';

/** The demo city's grid workers, against the seed report's figures and the grids they walk. */
let city: DemoCity;
let store: WorkerStore;
const now = Date.parse('2026-11-23T10:15:00+08:00');

beforeAll(async () => {
  city = await loadDemoCity();
  store = new WorkerStore(city.grids.features, city.generator.seed);
});

describe('the demo roster', () => {
  it('has Jincheng’s 4,639 workers for its 4,601 grids, every grid looked after', () => {
    const roster = store.roster(now);
    expect(city.grids.features).toHaveLength(4_601);
    expect(roster).toHaveLength(4_639);
    const covered = new Set(roster.flatMap((worker) => worker.gridIds));
    expect(covered.size).toBe(4_601);
    expect(new Set(roster.map((worker) => worker.id)).size).toBe(roster.length);
  });
  it('has a few workers off duty, about 4 %', () => {
    const roster = store.roster(now);
    const off = roster.filter((worker) => !worker.onDuty).length / roster.length;
    expect(off).toBeGreaterThan(0.025);
    expect(off).toBeLessThan(0.055);
  });
});

describe('a patrol day', () => {
  it('walks the grid’s own streets, a fix a minute, within GPS jitter of the outline', () => {
    const worker = store.roster(now).find((item) => item.onDuty && item.employment === 'full_time')!;
    const grid = city.grids.features.find((item) => item.properties.id === worker.gridIds[0])!;
    const track = store.track(worker.id, Date.parse('2026-11-23T00:00:00+08:00'), now)!;
    // 08:30 ± 10 min to 10:15: 95–115 fixes, visits included.
    expect(track.length).toBeGreaterThan(90);
    expect(track.length).toBeLessThan(120);
    const near = buffer(grid, 0.03, { units: 'kilometers' })!;
    for (const fix of track) expect(booleanPointInPolygon(fix.position, near)).toBe(true);
    for (let index = 1; index < track.length; index += 1)
      expect(track[index]!.at - track[index - 1]!.at).toBeGreaterThanOrEqual(60_000);
  });
  it('is the same day every time it is asked', () => {
    const worker = store.roster(now)[10]!;
    const day = Date.parse('2026-11-23T00:00:00+08:00');
    expect(store.track(worker.id, day, now)).toEqual(store.track(worker.id, day, now));
  });
  it('has no track for a worker off duty, and none for an unknown one', () => {
    const off = store.roster(now).find((item) => !item.onDuty)!;
    expect(store.track(off.id, Date.parse('2026-11-23T00:00:00+08:00'), now)).toEqual([]);
    expect(store.track('nobody', now, now)).toBeUndefined();
  });
});

describe('a redrawn community', () => {
  it('keeps its workers at their posts, on the new grid over their old grid’s middle', () => {
    const own = new WorkerStore(city.grids.features, city.generator.seed);
    const community = city.grids.features[0]!.properties.communityId;
    const grids = city.grids.features.filter((grid) => grid.properties.communityId === community);
    const [first, second] = grids;
    // Merge the first two grids into one new grid covering both.
    const merged = {
      ...first!,
      geometry: {
        type: 'MultiPolygon' as const,
        coordinates: [first!, second!].flatMap((grid) =>
          grid.geometry.type === 'Polygon' ? [grid.geometry.coordinates] : grid.geometry.coordinates,
        ),
      },
      properties: { ...first!.properties, id: gridId(`${community}-M1`) },
    };
    const plan = [merged, ...grids.slice(2)];
    const before = own
      .roster(now)
      .filter((worker) =>
        worker.gridIds.some((id) => id === first!.properties.id || id === second!.properties.id),
      );
    own.regrid(community, plan);
    const after = new Map(own.roster(now).map((worker) => [worker.id, worker]));
    expect(before.length).toBeGreaterThanOrEqual(2);
    for (const worker of before) expect(after.get(worker.id)?.gridIds).toContain(`${community}-M1`);
    const known = new Set([...city.grids.features.map((grid) => grid.properties.id), `${community}-M1`]);
    known.delete(first!.properties.id);
    known.delete(second!.properties.id);
    expect([...after.values()].flatMap((worker) => worker.gridIds).filter((id) => !known.has(id))).toEqual(
      [],
    );
    expect(own.track(before[0]!.id, Date.parse('2026-11-23T00:00:00+08:00'), now)!.length).toBeGreaterThan(0);
  });
});

describe('the feed a server loads', () => {
  it('answers positions at any minute of its window, and the day’s tracks from its start, as the store does', () => {
    const from = Date.parse('2026-11-23T10:02:30+08:00');
    const until = from + 6 * 60_000;
    const feed = store.feed(from, until);
    expect(feed.map(({ worker }) => worker.id)).toEqual(store.roster(now).map((worker) => worker.id));
    for (const t of [from, from + 60_000, from + 150_000, until]) {
      const latest = feed.map(({ worker, fixes }) => {
        const fix = fixes.filter((item) => item.at <= t).at(-1)!;
        return { id: worker.id, at: fix.at, position: fix.position };
      });
      expect(latest).toEqual(
        store.positions(t).map(({ worker, at, position }) => ({ id: worker.id, at, position })),
      );
    }
    // On patrol at 10:02: his fix of 10:02 carried, then one a minute to 10:08.
    const patrolling = feed.find(({ fixes }) => fixes.length === 7)!;
    const day = Date.parse('2026-11-23T00:00:00+08:00');
    expect(patrolling.fixes).toEqual(
      store.track(patrolling.worker.id, day, until + 1)!.filter((fix) => fix.at >= from - 30_000),
    );
  });
});
