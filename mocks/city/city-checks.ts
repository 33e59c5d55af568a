import { area } from '@turf/turf';
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import * as polyclip from 'polyclip-ts';
import { bboxOf } from './planar';

/**
 * Geometry checks the tests run on the generated city, written against plain GeoJSON so they test the output, not
 * the generator's own bookkeeping. Areas are geodesic square metres (turf).
 */
type Area = Polygon | MultiPolygon;

const asGeom = (geometry: Area) =>
  (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as polyclip.Geom;
const squareMetres = (polygons: Position[][][]) =>
  polygons.length === 0 ? 0 : area({ type: 'MultiPolygon', coordinates: polygons });

export const areaOf = (geometry: Area): number => area(geometry);

/** Area of `unit` outside `parent`. */
export function areaOutside(unit: Area, parent: Area): number {
  return squareMetres(polyclip.difference(asGeom(unit), asGeom(parent)));
}

/** The largest area shared by any two of the shapes (pairs found through their bounding boxes). */
export function largestOverlap(shapes: readonly Area[]): number {
  const boxes = shapes.map((shape) =>
    bboxOf((shape.type === 'Polygon' ? shape.coordinates : shape.coordinates.flat()).flat()),
  );
  const index = new Flatbush(Math.max(1, shapes.length));
  for (const box of boxes) index.add(...box);
  if (shapes.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  let largest = 0;
  shapes.forEach((shape, i) => {
    const box = boxes[i];
    if (!box) return;
    for (const j of index.search(...box)) {
      const other = shapes[j];
      if (j <= i || !other) continue;
      largest = Math.max(largest, squareMetres(polyclip.intersection(asGeom(shape), asGeom(other))));
    }
  });
  return largest;
}

/** Whether shapes form one piece through shared edges (the same two positions, in either order). */
export function connectedByEdges(shapes: readonly Area[]): boolean {
  const edgeOwners = new Map<string, number[]>();
  shapes.forEach((shape, index) => {
    const rings = shape.type === 'Polygon' ? shape.coordinates : shape.coordinates.flat();
    for (const ring of rings) {
      for (let k = 0; k + 1 < ring.length; k++) {
        const a = String(ring[k]);
        const b = String(ring[k + 1]);
        const key = a < b ? `${a}|${b}` : `${b}|${a}`;
        edgeOwners.set(key, [...(edgeOwners.get(key) ?? []), index]);
      }
    }
  });
  const parent = shapes.map((_, index) => index);
  const root = (index: number): number =>
    parent[index] === index ? index : (parent[index] = root(parent[index] ?? index));
  for (const owners of edgeOwners.values()) {
    for (const other of owners.slice(1)) parent[root(other)] = root(owners[0] ?? other);
  }
  return new Set(shapes.map((_, index) => root(index))).size <= 1;
}
