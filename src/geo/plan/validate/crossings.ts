import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import { ringsOf } from '../geometry/clip';
import type { AreaGeometry } from '../plan';

interface RingSegment {
  a: Position;
  b: Position;
  ring: number;
  index: number;
  ringLength: number;
}

/** Sign of the turn a→b→c, zero when the three are collinear up to float noise (sine of the angle < 1e-12). */
function turn(a: Position, b: Position, c: Position): number {
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const [cx = 0, cy = 0] = c;
  const cross = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  const scale = Math.hypot(bx - ax, by - ay) * Math.hypot(cx - ax, cy - ay);
  return scale === 0 || Math.abs(cross) <= scale * 1e-12 ? 0 : Math.sign(cross);
}

const neighboursInRing = (s: RingSegment, t: RingSegment): boolean =>
  s.ring === t.ring &&
  (Math.abs(s.index - t.index) === 1 || Math.abs(s.index - t.index) === s.ringLength - 1);

/** Where two segments cross properly (each passes through the other's interior), or null. */
function properCrossing(s: RingSegment, t: RingSegment): Position | null {
  const d1 = turn(s.a, s.b, t.a);
  const d2 = turn(s.a, s.b, t.b);
  const d3 = turn(t.a, t.b, s.a);
  const d4 = turn(t.a, t.b, s.b);
  if (d1 * d2 >= 0 || d3 * d4 >= 0) return null;
  const [ax = 0, ay = 0] = s.a;
  const [bx = 0, by = 0] = s.b;
  const [cx = 0, cy = 0] = t.a;
  const [dx = 0, dy = 0] = t.b;
  const along =
    ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / ((bx - ax) * (dy - cy) - (by - ay) * (dx - cx));
  return [ax + along * (bx - ax), ay + along * (by - ay)];
}

/**
 * Points where an area's outline crosses itself: two edges passing through each other. Rings that merely touch
 * at a vertex (a hole touching the outline, as boolean operations produce) are not crossings; turf's `kinks`
 * reports those too, which would flag every such merge as an error.
 */
export function outlineCrossings(geometry: AreaGeometry): Position[] {
  const segments: RingSegment[] = [];
  ringsOf(geometry).forEach((ring, ringIndex) => {
    for (let index = 1; index < ring.length; index++) {
      const a = ring[index - 1];
      const b = ring[index];
      if (a && b) segments.push({ a, b, ring: ringIndex, index, ringLength: ring.length - 1 });
    }
  });
  if (segments.length === 0) return [];
  const index = new Flatbush(segments.length);
  for (const { a, b } of segments) {
    index.add(
      Math.min(a[0] ?? 0, b[0] ?? 0),
      Math.min(a[1] ?? 0, b[1] ?? 0),
      Math.max(a[0] ?? 0, b[0] ?? 0),
      Math.max(a[1] ?? 0, b[1] ?? 0),
    );
  }
  index.finish();
  const crossings: Position[] = [];
  segments.forEach((segment, i) => {
    const { a, b } = segment;
    const near = index.search(
      Math.min(a[0] ?? 0, b[0] ?? 0),
      Math.min(a[1] ?? 0, b[1] ?? 0),
      Math.max(a[0] ?? 0, b[0] ?? 0),
      Math.max(a[1] ?? 0, b[1] ?? 0),
    );
    for (const j of near) {
      const other = segments[j];
      if (j <= i || !other || neighboursInRing(segment, other)) continue;
      const crossing = properCrossing(segment, other);
      if (crossing) crossings.push(crossing);
    }
  });
  return crossings;
}
