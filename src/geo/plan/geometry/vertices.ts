import type { Position } from 'geojson';
import type { AreaGeometry } from '../plan';
import { ringsOf } from './clip';
import { edgeToleranceDegrees, vertexToleranceDegrees } from './tolerance';

export interface VertexMove {
  from: Position;
  to: Position;
}

export const samePosition = (a: Position, b: Position): boolean =>
  Math.abs((a[0] ?? 0) - (b[0] ?? 0)) <= vertexToleranceDegrees &&
  Math.abs((a[1] ?? 0) - (b[1] ?? 0)) <= vertexToleranceDegrees;

/** Where p projects on segment a→b (0 at a, 1 at b) and how far it is from the segment, in degrees. */
export function projectOnSegment(p: Position, a: Position, b: Position): { t: number; distance: number } {
  const [px = 0, py = 0] = p;
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return { t, distance: Math.hypot(px - (ax + t * dx), py - (ay + t * dy)) };
}

/** True when p lies strictly inside segment a→b (a T-junction), not on its ends. */
export const liesInsideSegment = (p: Position, a: Position, b: Position): boolean =>
  !samePosition(p, a) && !samePosition(p, b) && projectOnSegment(p, a, b).distance <= edgeToleranceDegrees;

export const hasVertex = (geometry: AreaGeometry, p: Position): boolean =>
  ringsOf(geometry).some((ring) => ring.some((vertex) => samePosition(vertex, p)));

/** The vertex of the geometry at p, or on its outline at p (a T-junction), i.e. what a move at p would drag. */
export const touchesVertex = (geometry: AreaGeometry, p: Position): boolean =>
  ringsOf(geometry).some((ring) =>
    ring.some(
      (vertex, index) =>
        samePosition(vertex, p) || (index > 0 && liesInsideSegment(p, ring[index - 1] ?? vertex, vertex)),
    ),
  );

/**
 * Moves every vertex at a `from` position to its `to`. A `from` that lies on an edge without being a vertex
 * there (a T-junction left by a boolean operation, which drops collinear vertices) is first inserted into
 * that edge, so the neighbour that owns the vertex and this grid still meet after the move: no gap, no overlap.
 */
function moveRing(ring: readonly Position[], moves: readonly VertexMove[]): Position[] {
  const noded: Position[] = [];
  ring.forEach((vertex, index) => {
    const previous = ring[index - 1];
    if (previous) {
      const inserted = moves
        .map((move) => ({ move, ...projectOnSegment(move.from, previous, vertex) }))
        .filter(({ move }) => liesInsideSegment(move.from, previous, vertex))
        .sort((a, b) => a.t - b.t);
      for (const { move } of inserted) noded.push(move.from);
    }
    noded.push(vertex);
  });
  return noded.map((vertex) => moves.find((move) => samePosition(move.from, vertex))?.to ?? vertex);
}

/** The moved geometry, or null when no vertex of it was at any `from` (nothing to do). */
export function moveVerticesOf(geometry: AreaGeometry, moves: readonly VertexMove[]): AreaGeometry | null {
  if (!moves.some((move) => touchesVertex(geometry, move.from))) return null;
  if (geometry.type === 'Polygon') {
    return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => moveRing(ring, moves)) };
  }
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => moveRing(ring, moves))),
  };
}
