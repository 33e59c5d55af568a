import { area } from '@turf/turf';
import * as polyclip from 'polyclip-ts';
import type { Position } from 'geojson';
import type { AreaGeometry } from '../plan';
import { noiseAreaSquareMetres, vertexToleranceDegrees } from './tolerance';

type Ring = [number, number][];
type Poly = Ring[];
type MultiPoly = Poly[];

const snapDegrees = vertexToleranceDegrees;

const ringOf = (ring: readonly Position[]): Ring =>
  ring.map((position) => [position[0] ?? 0, position[1] ?? 0]);

export function toMultiPoly(geometry: AreaGeometry): MultiPoly {
  return geometry.type === 'Polygon'
    ? [geometry.coordinates.map(ringOf)]
    : geometry.coordinates.map((polygon) => polygon.map(ringOf));
}

const ringArea = (ring: Ring): number => area({ type: 'Polygon', coordinates: [ring] });

/** Drops floating-point noise (see tolerance.ts): crumbs and slits no edit could have meant. */
function withoutResidue(parts: MultiPoly): MultiPoly {
  const kept: MultiPoly = [];
  for (const [outer, ...holes] of parts) {
    if (!outer || ringArea(outer) < noiseAreaSquareMetres) continue;
    kept.push([outer, ...holes.filter((hole) => ringArea(hole) >= noiseAreaSquareMetres)]);
  }
  return kept;
}

/** One polygon when there is one part, a MultiPolygon otherwise, null when nothing is left. */
export function fromMultiPoly(parts: MultiPoly): AreaGeometry | null {
  const kept = withoutResidue(parts);
  const [first] = kept;
  if (!first) return null;
  return kept.length === 1
    ? { type: 'Polygon', coordinates: first }
    : { type: 'MultiPolygon', coordinates: kept };
}

export const areaOf = (geometry: AreaGeometry | null): number => (geometry ? area(geometry) : 0);

type Operation = (first: MultiPoly, ...rest: MultiPoly[]) => MultiPoly;

const snapped = (parts: MultiPoly): MultiPoly =>
  parts.map((polygon) => polygon.map((ring) => ring.map(([x, y]): [number, number] => [snap(x), snap(y)])));
const snap = (value: number): number => Math.round(value / snapDegrees) * snapDegrees;

/**
 * The clipping library, exact as it is, now and then gives up on nearly coincident edges ("Unable to complete
 * output ring"). The same operation on coordinates snapped to a 1e-10° grid (≈ 0.01 mm, within the vertex
 * tolerance, so shared vertices stay shared) gets through; if that fails too, the error stands.
 */
function robustly(operation: Operation, geometries: readonly AreaGeometry[]): AreaGeometry | null {
  const [first, ...rest] = geometries.map(toMultiPoly);
  if (!first) return null;
  try {
    return fromMultiPoly(operation(first, ...rest));
  } catch {
    return fromMultiPoly(operation(snapped(first), ...rest.map(snapped)));
  }
}

export const intersectAreas = (a: AreaGeometry, b: AreaGeometry): AreaGeometry | null =>
  robustly(polyclip.intersection, [a, b]);

export const unionAreas = (geometries: readonly AreaGeometry[]): AreaGeometry | null =>
  robustly(polyclip.union, geometries);

export const subtractAreas = (a: AreaGeometry, subtracted: readonly AreaGeometry[]): AreaGeometry | null =>
  robustly(polyclip.difference, [a, ...subtracted]);

/** Each part of an area as its own polygon. */
export function partsOf(geometry: AreaGeometry): AreaGeometry[] {
  return geometry.type === 'Polygon'
    ? [geometry]
    : geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
}

export function ringsOf(geometry: AreaGeometry): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

export type Bounds = [west: number, south: number, east: number, north: number];

export function boundsOf(geometry: AreaGeometry): Bounds {
  const bounds: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of ringsOf(geometry)) {
    for (const [x = 0, y = 0] of ring) {
      if (x < bounds[0]) bounds[0] = x;
      if (y < bounds[1]) bounds[1] = y;
      if (x > bounds[2]) bounds[2] = x;
      if (y > bounds[3]) bounds[3] = y;
    }
  }
  return bounds;
}

export const boundsIntersect = (a: Bounds, b: Bounds, margin = 0): boolean =>
  a[0] <= b[2] + margin && b[0] <= a[2] + margin && a[1] <= b[3] + margin && b[1] <= a[3] + margin;
