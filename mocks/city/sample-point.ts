import type { MultiPolygon, Polygon, Position } from 'geojson';
import { bboxOf, insidePolygon, ringCentroid, type Bbox } from './planar';
import type { Random } from './random';

/**
 * Random points inside an area: uniform over the shape by rejection from its bounding box. Shared with the mock API,
 * which drops cases into grids the same way.
 */
export function randomPointInRings(
  rings: readonly (readonly Position[])[],
  random: Random,
  box: Bbox = bboxOf(rings[0] ?? []),
): [number, number] {
  for (let attempt = 0; attempt < 200; attempt++) {
    const x = random.between(box[0], box[2]);
    const y = random.between(box[1], box[3]);
    if (insidePolygon(x, y, rings)) return [x, y];
  }
  // A sliver that rejection keeps missing: its centroid, or failing that, a vertex.
  const [cx, cy] = ringCentroid(rings[0] ?? []);
  if (insidePolygon(cx, cy, rings)) return [cx, cy];
  const [x = 0, y = 0] = rings[0]?.[0] ?? [];
  return [x, y];
}

/** A random point in a Polygon or MultiPolygon: the part is chosen by its bounding box's area, then uniform in it. */
export function randomPointIn(geometry: Polygon | MultiPolygon, random: Random): [number, number] {
  if (geometry.type === 'Polygon') return randomPointInRings(geometry.coordinates, random);
  const boxes = geometry.coordinates.map((polygon) => bboxOf(polygon[0] ?? []));
  const weights = boxes.map((box) => (box[2] - box[0]) * (box[3] - box[1]));
  const part = random.weighted(
    geometry.coordinates.map((_, index) => index),
    weights,
  );
  return randomPointInRings(geometry.coordinates[part] ?? [], random, boxes[part]);
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** A random point rounded to the output's 6 decimals that is still inside after rounding (it can fall out at an edge). */
export function roundedPointInRings(
  rings: readonly (readonly Position[])[],
  random: Random,
  box?: Bbox,
): [number, number] {
  let point: [number, number] = [0, 0];
  for (let attempt = 0; attempt < 20; attempt++) {
    const [x, y] = randomPointInRings(rings, random, box);
    point = [round6(x), round6(y)];
    if (insidePolygon(point[0], point[1], rings)) return point;
  }
  return point;
}
