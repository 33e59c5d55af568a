import type { Position } from 'geojson';
import type { GridFeature } from './flat-grids';

/**
 * Small grids that exercise every rule of the join: shared edges and vertices, a hole filled by another grid, a
 * MultiPolygon with an exclave, a diagonal edge, and an overlap (where input order decides). Coordinates sit at a
 * real city's longitude/latitude so shared edges carry real rounding.
 */
const originLongitude = 112.83;
const originLatitude = 35.49;
const unit = 0.01;

const at = (x: number, y: number): Position => [originLongitude + x * unit, originLatitude + y * unit];
const ring = (...corners: [number, number][]): Position[] =>
  [...corners, corners[0] ?? [0, 0]].map(([x, y]) => at(x, y));
const box = (x1: number, y1: number, x2: number, y2: number): Position[] =>
  ring([x1, y1], [x2, y1], [x2, y2], [x1, y2]);

const polygon = (id: string, ...rings: Position[][]): GridFeature => ({
  type: 'Feature',
  properties: { id },
  geometry: { type: 'Polygon', coordinates: rings },
});

export const fixtureGrids: GridFeature[] = [
  polygon('square-a', box(0, 0, 1, 1)),
  polygon('square-b', box(1, 0, 2, 1)),
  // A ring with a hole, and the grid that fills the hole (wound the other way, as the hole is).
  polygon('ring-c', box(0, 1, 2, 2), box(0.5, 1.25, 1.5, 1.75).reverse()),
  polygon('island-d', box(0.5, 1.25, 1.5, 1.75)),
  {
    type: 'Feature',
    properties: { id: 'exclave-e' },
    geometry: { type: 'MultiPolygon', coordinates: [[box(2, 0, 3, 1)], [box(2, 1.5, 3, 2)]] },
  },
  polygon('triangle-f', ring([2, 1], [3, 1], [2, 1.5])),
  polygon('triangle-g', ring([3, 1], [3, 1.5], [2, 1.5])),
  // Overlaps square-a and square-b: points there belong to those, listed first.
  polygon('overlap-h', box(0.5, 0.5, 1.5, 0.8)),
];

/** Every vertex, every edge midpoint and a lattice crossing the fixture's extent and a margin outside it. */
export function fixtureProbePoints(): Position[] {
  const points: Position[] = [];
  for (const feature of fixtureGrids) {
    const parts =
      feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    for (const rings of parts) {
      for (const positions of rings) {
        positions.forEach((position, index) => {
          points.push(position);
          const next = positions[index + 1];
          if (next)
            points.push([
              ((position[0] ?? 0) + (next[0] ?? 0)) / 2,
              ((position[1] ?? 0) + (next[1] ?? 0)) / 2,
            ]);
        });
      }
    }
  }
  for (let x = -0.5; x <= 3.5; x += 0.125) for (let y = -0.5; y <= 2.5; y += 0.125) points.push(at(x, y));
  return points;
}
