import type { Position } from 'geojson';
import type { GridId } from '../../../domain/ids';
import { sharedBoundary } from '../geometry/shared-boundary';
import { samePosition, touchesVertex, type VertexMove } from '../geometry/vertices';
import { gridOf, type Changeset, type Plan } from '../plan';
import { moveVerticesInPlan } from './move-vertices';

export interface MoveSharedEdgeArgs {
  gridIds: readonly [GridId, GridId];
  /** Translation in degrees, [Δlongitude, Δlatitude]. */
  offset: readonly [number, number];
}

/**
 * The vertices of the boundary two grids share that may move: all of them except those on the community's
 * outline, which must stay put or the grids would leave the community. The ends of the shared edge where a third
 * grid meets it do move, and move in that third grid too, so nothing opens or overlaps.
 */
export function movableSharedVertices(plan: Plan, gridIds: readonly [GridId, GridId]): Position[] {
  const a = gridOf(plan, gridIds[0]);
  const b = gridOf(plan, gridIds[1]);
  if (!a || !b) return [];
  const { segments } = sharedBoundary(a.geometry, b.geometry);
  const vertices: Position[] = [];
  for (const position of segments.flat()) {
    if (vertices.some((vertex) => samePosition(vertex, position))) continue;
    if (touchesVertex(plan.community.geometry, position)) continue;
    vertices.push(position);
  }
  return vertices;
}

/** Translates the shared edge of two grids; every grid holding one of its vertices follows. */
export function moveSharedEdge(plan: Plan, { gridIds, offset }: MoveSharedEdgeArgs): Changeset {
  const moves: VertexMove[] = movableSharedVertices(plan, gridIds).map((from) => ({
    from,
    to: [(from[0] ?? 0) + offset[0], (from[1] ?? 0) + offset[1]],
  }));
  return moveVerticesInPlan(plan, moves, 'move_shared_edge');
}
