import { distance } from '@turf/turf';
import type { Position } from 'geojson';
import type { AreaGeometry } from '../plan';
import { boundsIntersect, boundsOf, ringsOf } from './clip';
import { adjacencyMinimumMetres, edgeToleranceDegrees } from './tolerance';
import { projectOnSegment } from './vertices';

export type Segment = [Position, Position];

function segmentsOf(geometry: AreaGeometry): Segment[] {
  const segments: Segment[] = [];
  for (const ring of ringsOf(geometry)) {
    for (let index = 1; index < ring.length; index++) {
      const a = ring[index - 1];
      const b = ring[index];
      if (a && b) segments.push([a, b]);
    }
  }
  return segments;
}

const lerp = (a: Position, b: Position, t: number): Position => [
  (a[0] ?? 0) + ((b[0] ?? 0) - (a[0] ?? 0)) * t,
  (a[1] ?? 0) + ((b[1] ?? 0) - (a[1] ?? 0)) * t,
];

/** The part of segment `a` that segment `b` runs along (collinear within the edge tolerance), if any. */
function overlapOf(a: Segment, b: Segment): Segment | null {
  const start = projectOnSegment(b[0], a[0], a[1]);
  const end = projectOnSegment(b[1], a[0], a[1]);
  const backStart = projectOnSegment(a[0], b[0], b[1]);
  const backEnd = projectOnSegment(a[1], b[0], b[1]);
  // Collinear when each segment's ends sit on the other's line (or on the other segment itself).
  const onLine =
    (start.distance <= edgeToleranceDegrees || backStart.distance <= edgeToleranceDegrees) &&
    (end.distance <= edgeToleranceDegrees || backEnd.distance <= edgeToleranceDegrees);
  if (!onLine) return null;
  const from = Math.min(start.t, end.t);
  const to = Math.max(start.t, end.t);
  if (to - from <= 0) return null;
  const overlap: Segment = [lerp(a[0], a[1], from), lerp(a[0], a[1], to)];
  const onOther = [overlap[0], lerp(overlap[0], overlap[1], 0.5), overlap[1]].every(
    (point) => projectOnSegment(point, b[0], b[1]).distance <= edgeToleranceDegrees,
  );
  return onOther ? overlap : null;
}

export interface SharedBoundary {
  lengthMetres: number;
  segments: Segment[];
}

/**
 * The outline two areas have in common. Computed on the segments rather than by a boolean operation, because
 * the outlines of neighbours rarely have the same vertices (T-junctions) and an intersection of two areas that
 * only touch is empty.
 */
export function sharedBoundary(a: AreaGeometry, b: AreaGeometry): SharedBoundary {
  const segments: Segment[] = [];
  if (!boundsIntersect(boundsOf(a), boundsOf(b), edgeToleranceDegrees)) return { lengthMetres: 0, segments };
  const others = segmentsOf(b).map((segment) => ({ segment, bounds: segmentBounds(segment) }));
  for (const segment of segmentsOf(a)) {
    const bounds = segmentBounds(segment);
    for (const other of others) {
      if (!boundsIntersect(bounds, other.bounds, edgeToleranceDegrees)) continue;
      const overlap = overlapOf(segment, other.segment);
      if (overlap) segments.push(overlap);
    }
  }
  const lengthMetres = segments.reduce((sum, [from, to]) => sum + distance(from, to, { units: 'meters' }), 0);
  return { lengthMetres, segments };
}

function segmentBounds([a, b]: Segment): [number, number, number, number] {
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  return [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)];
}

export const areAdjacent = (a: AreaGeometry, b: AreaGeometry): boolean =>
  sharedBoundary(a, b).lengthMetres > adjacencyMinimumMetres;
