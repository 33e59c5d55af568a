import { booleanPointInPolygon } from '@turf/turf';
import type { Position } from 'geojson';
import { Delaunay } from 'd3-delaunay';
import { describe, expect, it } from 'vitest';
import { flattenGrids, type GridFeature } from './flat-grids';
import { buildGridIndex } from './grid-index';
import { aggregate, joinPoints } from './join';
import { fixtureGrids, fixtureProbePoints } from './join.fixtures';

/** What a user would write: the first grid, in input order, that turf says contains the point. */
function turfJoin(features: GridFeature[], points: Position[]): Int32Array {
  return Int32Array.from(points, (point) =>
    features.findIndex((feature) => booleanPointInPolygon(point, feature)),
  );
}

const interleave = (points: Position[]) =>
  Float64Array.from(points.flatMap((point) => [point[0]!, point[1]!]));

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function voronoiGrids(count: number, random: () => number): GridFeature[] {
  const seeds = Array.from({ length: count }, () => [112 + random(), 35 + random()] as [number, number]);
  const voronoi = Delaunay.from(seeds).voronoi([112, 35, 113, 36]);
  return seeds.map((_, index) => ({
    type: 'Feature',
    properties: { id: `v${index}` },
    geometry: { type: 'Polygon', coordinates: [voronoi.cellPolygon(index)] },
  }));
}

describe('joinPoints', () => {
  const probes = fixtureProbePoints();
  const expected = turfJoin(fixtureGrids, probes);

  it.each([0.5, 4, 64, 2000])(
    'matches turf on vertices, edges, holes and overlaps (%s cells per grid)',
    (cells) => {
      const index = buildGridIndex(flattenGrids(fixtureGrids), { cellsPerMedianGrid: cells });
      expect(Array.from(joinPoints(index, interleave(probes)))).toEqual(Array.from(expected));
    },
  );

  it('reaches every grid but the overlapping one, which input order hides, and the outside', () => {
    const reached = new Set(expected);
    const overlap = fixtureGrids.findIndex((grid) => grid.properties?.id === 'overlap-h');
    expect([...reached].sort((a, b) => a - b)).toEqual(
      [-1, ...fixtureGrids.keys()].filter((grid) => grid !== overlap),
    );
  });

  it('matches turf on a Voronoi tessellation, random points and every Voronoi vertex', () => {
    const random = seededRandom(7);
    const grids = voronoiGrids(300, random);
    const vertices = grids.flatMap((grid) =>
      grid.geometry.type === 'Polygon' ? grid.geometry.coordinates[0]! : [],
    );
    const points = [
      ...vertices,
      ...Array.from({ length: 4000 }, () => [111.95 + random() * 1.1, 34.95 + random() * 1.1]),
    ];
    const index = buildGridIndex(flattenGrids(grids));
    const positions = interleave(points);
    const answer = joinPoints(index, positions);
    expect(Array.from(answer)).toEqual(Array.from(turfJoin(grids, points)));
    expect(Array.from(joinPoints(index, Float32Array.from(positions)))).toEqual(
      Array.from(
        turfJoin(
          grids,
          points.map((point) => [Math.fround(point[0]!), Math.fround(point[1]!)]),
        ),
      ),
    );
  });

  it('sends NaN and far-away points outside', () => {
    const index = buildGridIndex(flattenGrids(fixtureGrids));
    expect(Array.from(joinPoints(index, Float64Array.of(NaN, 35.5, 0, 0, 180, 90)))).toEqual([-1, -1, -1]);
  });
});

describe('aggregate', () => {
  const assignments = Int32Array.of(0, 1, 1, -1, 2, 1);

  it('counts points per grid and skips points outside every grid', () => {
    expect(Array.from(aggregate(assignments, 3))).toEqual([1, 3, 1]);
  });

  it('counts only the points the filter keeps, with weights when given', () => {
    const keep = Uint8Array.of(1, 0, 1, 1, 1, 1);
    expect(Array.from(aggregate(assignments, 3, keep))).toEqual([1, 2, 1]);
    expect(Array.from(aggregate(assignments, 3, keep, Float64Array.of(5, 7, 2, 9, 0.5, 3)))).toEqual([
      5, 5, 0.5,
    ]);
  });
});
