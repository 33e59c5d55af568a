import type { Position } from 'geojson';
import type { Bounds } from './clip';

type Box = { west: number; south: number; east: number; north: number };

/** Where a ray from p along d leaves the box (p is inside it). */
function exitPoint(p: Position, d: readonly [number, number], box: Box): Position | null {
  const [px = 0, py = 0] = p;
  const steps: number[] = [];
  if (d[0] > 0) steps.push((box.east - px) / d[0]);
  if (d[0] < 0) steps.push((box.west - px) / d[0]);
  if (d[1] > 0) steps.push((box.north - py) / d[1]);
  if (d[1] < 0) steps.push((box.south - py) / d[1]);
  if (steps.length === 0) return null;
  const t = Math.min(...steps);
  return [px + t * d[0], py + t * d[1]];
}

/** Position of a border point along the box outline, counter-clockwise from the south-west corner. */
function borderParameter([x = 0, y = 0]: Position, box: Box): number {
  const width = box.east - box.west;
  const height = box.north - box.south;
  const distances = [y - box.south, box.east - x, box.north - y, x - box.west].map(Math.abs);
  const edge = distances.indexOf(Math.min(...distances));
  if (edge === 0) return x - box.west;
  if (edge === 1) return width + (y - box.south);
  if (edge === 2) return width + height + (box.east - x);
  return 2 * width + height + (box.north - y);
}

/**
 * One side of the plane as the line divides it: the line extended straight at both ends to a box around the
 * line and the area, closed along the box outline. Null when the line has no direction at an end.
 */
export function sideOfLine(line: readonly Position[], areaBounds: Bounds): Position[] | null {
  const xs = [areaBounds[0], areaBounds[2], ...line.map((position) => position[0] ?? 0)];
  const ys = [areaBounds[1], areaBounds[3], ...line.map((position) => position[1] ?? 0)];
  const margin = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const box: Box = {
    west: Math.min(...xs) - margin,
    south: Math.min(...ys) - margin,
    east: Math.max(...xs) + margin,
    north: Math.max(...ys) + margin,
  };
  const first = line[0];
  const second = line[1];
  const last = line[line.length - 1];
  const beforeLast = line[line.length - 2];
  if (!first || !second || !last || !beforeLast) return null;
  const direction = (from: Position, to: Position): [number, number] => [
    (to[0] ?? 0) - (from[0] ?? 0),
    (to[1] ?? 0) - (from[1] ?? 0),
  ];
  const start = exitPoint(first, direction(second, first), box);
  const end = exitPoint(last, direction(beforeLast, last), box);
  if (!start || !end) return null;
  const width = box.east - box.west;
  const height = box.north - box.south;
  const perimeter = 2 * (width + height);
  const corners: [number, Position][] = [
    [width, [box.east, box.south]],
    [width + height, [box.east, box.north]],
    [2 * width + height, [box.west, box.north]],
    [perimeter, [box.west, box.south]],
  ];
  const from = borderParameter(end, box);
  let to = borderParameter(start, box);
  if (to <= from) to += perimeter;
  const walk = [...corners, ...corners.map(([t, corner]): [number, Position] => [t + perimeter, corner])]
    .filter(([t]) => t > from && t < to)
    .map(([, corner]) => corner);
  return [start, ...line, end, ...walk, start];
}
