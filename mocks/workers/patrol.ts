import type { GridFeature } from '../../src/contract/schemas/contract.schema';
import type { GridWorker } from '../../src/domain/workers';
import { metresBetween } from '../../src/domain/workers';
import { createRandom, hashSeed } from '../city/random';

/**
 * A grid worker's patrol day, deterministic per (seed, worker, day): he walks his grid's streets (in the demo city
 * a grid's outline runs along its streets) at his own pace, stops to visit households, breaks for lunch at the
 * community office (the grid's middle) and reports a GPS fix a minute with a few metres of jitter. Full-time
 * workers patrol 08:30–12:00 and 14:00–17:30, part-time ones 09:00–11:30; a worker off duty has no track.
 */
type Position = [number, number];
interface Leg {
  from: number;
  to: number;
  /** Metres along the route at `from`; a visit has the same at `to`. */
  startMetres: number;
  walking: boolean;
}
export interface PatrolDay {
  legs: Leg[];
  route: Route;
  speed: number;
}
interface Route {
  points: Position[];
  /** Cumulative metres at each point; the last is the loop's length. */
  along: number[];
}

const minute = 60_000;
const shifts = {
  full_time: [
    [8.5, 12],
    [14, 17.5],
  ],
  part_time: [[9, 11.5]],
} as const;

function routeOf(grid: GridFeature): Route {
  const geometry = grid.geometry;
  const ring = (geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0]?.[0]) ?? [];
  const points = ring.map((position): Position => [position[0], position[1]]);
  const along = [0];
  points.forEach((point, index) => {
    if (index > 0) along.push((along[index - 1] ?? 0) + metresBetween(points[index - 1] ?? point, point));
  });
  return { points, along };
}

/** The grid's office: the mean of its outline's corners. */
export function gridMiddle(grid: GridFeature): Position {
  const { points } = routeOf(grid);
  const corners = points.slice(0, -1);
  const sum = corners.reduce(([x, y], [lng, lat]) => [x + lng, y + lat], [0, 0]);
  return [sum[0] / Math.max(1, corners.length), sum[1] / Math.max(1, corners.length)];
}

export function patrolDay(
  worker: GridWorker,
  grid: GridFeature,
  dayStart: number,
  seed: number | string,
): PatrolDay {
  const random = createRandom(hashSeed(seed, 'patrol', worker.id, dayStart));
  const route = routeOf(grid);
  const speed = random.between(0.9, 1.3);
  const legs: Leg[] = [];
  if (!worker.onDuty) return { legs, route, speed };
  let metres = random.between(0, route.along.at(-1) ?? 0);
  for (const [start, end] of shifts[worker.employment]) {
    let at = dayStart + start * 3_600_000 + random.int(-10, 10) * minute;
    const stop = dayStart + end * 3_600_000 + random.int(-10, 10) * minute;
    while (at < stop) {
      const walk = Math.min(stop - at, random.int(15, 40) * minute);
      legs.push({ from: at, to: at + walk, startMetres: metres, walking: true });
      metres += (walk / 1000) * speed;
      at += walk;
      const visit = Math.min(stop - at, random.int(5, 20) * minute);
      if (visit > 0) legs.push({ from: at, to: at + visit, startMetres: metres, walking: false });
      at += visit;
    }
  }
  return { legs, route, speed };
}

function pointAlong(route: Route, metres: number): Position {
  const length = route.along.at(-1) ?? 0;
  if (length === 0) return route.points[0] ?? [0, 0];
  const target = ((metres % length) + length) % length;
  let index = 1;
  while (index < route.along.length - 1 && (route.along[index] ?? length) < target) index += 1;
  const [before, after] = [route.along[index - 1] ?? 0, route.along[index] ?? length];
  const share = after > before ? (target - before) / (after - before) : 0;
  const a: Position = route.points[index - 1] ?? [0, 0];
  const b: Position = route.points[index] ?? a;
  return [a[0] + (b[0] - a[0]) * share, a[1] + (b[1] - a[1]) * share];
}

/** Where he is at `at` (with the fix's jitter), or null outside his shifts. */
export function patrolPositionAt(day: PatrolDay, at: number, workerKey: string): Position | null {
  const leg = day.legs.find((item) => item.from <= at && at < item.to);
  if (!leg) return null;
  const metres = leg.walking ? leg.startMetres + ((at - leg.from) / 1000) * day.speed : leg.startMetres;
  return jitter(pointAlong(day.route, metres), workerKey, Math.floor(at / minute));
}

/** The day's fixes, one a minute while on patrol, from `since` (the whole day when not given) up to `until`. */
export function patrolTrack(
  day: PatrolDay,
  until: number,
  workerKey: string,
  since = -Infinity,
): { at: number; position: Position }[] {
  const fixes: { at: number; position: Position }[] = [];
  for (const leg of day.legs)
    for (
      let at = leg.from + Math.max(0, Math.ceil((since - leg.from) / minute)) * minute;
      at < Math.min(leg.to, until);
      at += minute
    ) {
      const position = patrolPositionAt(day, at, workerKey);
      if (position) fixes.push({ at, position });
    }
  return fixes;
}

/** GPS noise of a few metres (σ ≈ 4 m), the same for the same fix. */
function jitter([lng, lat]: Position, workerKey: string, fix: number): Position {
  const random = createRandom(hashSeed('fix', workerKey, fix));
  const metresPerDegree = 111_195;
  const north = random.normal() * 4;
  const east = random.normal() * 4;
  return [lng + east / (metresPerDegree * Math.cos((lat * Math.PI) / 180)), lat + north / metresPerDegree];
}
