import { booleanPointInPolygon, distance, kinks, lineString, point, polygon } from '@turf/turf';
import type { Position } from 'geojson';
import type { AreaGeometry } from '../plan';
import { areaOf, boundsOf, intersectAreas, partsOf, subtractAreas, unionAreas } from './clip';
import { sideOfLine } from './side-of-line';
import { sharedBoundary, type Segment } from './shared-boundary';
import { adjacencyMinimumMetres, areaToleranceSquareMetres, edgeToleranceDegrees } from './tolerance';
import { projectOnSegment } from './vertices';

export const splitFailures = {
  lineTooShort: 'line_too_short',
  lineSelfIntersects: 'line_self_intersects',
  lineDoesNotCross: 'line_does_not_cross',
} as const;
export type SplitFailure = (typeof splitFailures)[keyof typeof splitFailures];

export type SplitResult = { pieces: AreaGeometry[] } | { failure: SplitFailure };

const endsInside = (area: AreaGeometry, end: Position | undefined): boolean =>
  end !== undefined && booleanPointInPolygon(point(end), area, { ignoreBoundary: true });

const midpoint = (a: Position, b: Position): Position => [
  ((a[0] ?? 0) + (b[0] ?? 0)) / 2,
  ((a[1] ?? 0) + (b[1] ?? 0)) / 2,
];

const lengthOf = (segments: readonly Segment[]): number =>
  segments.reduce((sum, [a, b]) => sum + distance(a, b, { units: 'meters' }), 0);

function onDrawnLine(line: readonly Position[], position: Position): boolean {
  for (let index = 1; index < line.length; index++) {
    const a = line[index - 1];
    const b = line[index];
    if (a && b && projectOnSegment(position, a, b).distance <= edgeToleranceDegrees) return true;
  }
  return false;
}

/**
 * Cuts an area along a drawn line. The line must start and end outside the area (or on its outline): a cut that
 * stops halfway through a grid makes no sense. Each connected piece left becomes its own area.
 *
 * How: the line, extended straight to a box around everything, divides the box in two sides; the area is
 * intersected with one side and has it subtracted. Where an extension re-enters a concave area it cuts where
 * the planner drew nothing, so pieces that meet along a boundary not on the drawn line are joined back.
 */
export function splitArea(area: AreaGeometry, line: readonly Position[]): SplitResult {
  if (line.length < 2) return { failure: splitFailures.lineTooShort };
  if (kinks(lineString(line.map((position) => [position[0] ?? 0, position[1] ?? 0]))).features.length > 0) {
    return { failure: splitFailures.lineSelfIntersects };
  }
  if (endsInside(area, line[0]) || endsInside(area, line[line.length - 1])) {
    return { failure: splitFailures.lineDoesNotCross };
  }
  const side = sideOfLine(line, boundsOf(area));
  if (!side || kinks(polygon([side])).features.length > 0)
    return { failure: splitFailures.lineSelfIntersects };
  const sideArea: AreaGeometry = { type: 'Polygon', coordinates: [side] };
  const inside = intersectAreas(area, sideArea);
  const outside = subtractAreas(area, [sideArea]);
  const pieces = [
    ...(inside ? partsOf(inside).map((geometry) => ({ geometry, side: 0 })) : []),
    ...(outside ? partsOf(outside).map((geometry) => ({ geometry, side: 1 })) : []),
  ];
  const group = pieces.map((_, index) => index);
  const root = (index: number): number => {
    let current = index;
    while (group[current] !== current) current = group[current] ?? current;
    return current;
  };
  const longestShared = pieces.map(() => ({ with: -1, metres: 0 }));
  pieces.forEach((piece, i) => {
    pieces.forEach((other, j) => {
      if (j <= i) return;
      const { segments, lengthMetres } = sharedBoundary(piece.geometry, other.geometry);
      for (const [self, neighbour] of [
        [i, j],
        [j, i],
      ] as const) {
        const best = longestShared[self];
        if (best && lengthMetres > best.metres)
          longestShared[self] = { with: neighbour, metres: lengthMetres };
      }
      const notDrawn = segments.filter(([a, b]) => !onDrawnLine(line, midpoint(a, b)));
      if (other.side !== piece.side && lengthOf(notDrawn) > adjacencyMinimumMetres) group[root(j)] = root(i);
    });
  });
  // A crumb the cut clipped off a corner is no grid: it goes to the piece it shares the most boundary with.
  pieces.forEach((piece, index) => {
    const neighbour = longestShared[index]?.with ?? -1;
    if (areaOf(piece.geometry) < areaToleranceSquareMetres && neighbour >= 0)
      group[root(index)] = root(neighbour);
  });
  const groups = new Map<number, AreaGeometry[]>();
  pieces.forEach((piece, index) => {
    const members = groups.get(root(index)) ?? [];
    members.push(piece.geometry);
    groups.set(root(index), members);
  });
  const joined = [...groups.values()].map((members) =>
    members.length === 1 ? members[0] : unionAreas(members),
  );
  const result = joined.filter(
    (geometry): geometry is AreaGeometry => geometry !== null && geometry !== undefined,
  );
  return result.length < 2 ? { failure: splitFailures.lineDoesNotCross } : { pieces: result };
}
