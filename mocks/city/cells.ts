import { Delaunay } from 'd3-delaunay';
import Flatbush from 'flatbush';
import type { Polygon, Position } from 'geojson';
import * as polyclip from 'polyclip-ts';
import { bboxOf, insidePolygon, ringCentroid, segmentsMayMeet, signedArea, type Point } from './planar';
import type { Random } from './random';
import type { VertexTable } from './vertex-table';

/**
 * The grid cells of one county, in GCJ-02: seeded points (denser toward the county seat), two Lloyd steps, and the
 * Voronoi cells clipped to the real outline. Cells are kept as rings of vertex ids (open, outer counter-clockwise,
 * holes clockwise), so neighbours share vertices exactly and the cells tile the county with no gap or overlap.
 */
export interface CellPiece {
  rings: number[][];
  area: number;
}

export interface CountyCells {
  vertices: VertexTable;
  /** Each cell's pieces, largest first; a Voronoi cell cut by a notch of the outline can fall into several. */
  cells: CellPiece[][];
}

/** Built-up land per urban grid (≈ 400 households at town densities), which sets how far the urban core spreads. */
const urbanGridKm2 = 0.2;
const kmPerDegree = 111;

function seedPoints(
  outline: Polygon,
  seat: Point,
  count: number,
  urbanCount: number,
  random: Random,
): Float64Array {
  const [west, south, east, north] = bboxOf(outline.coordinates[0] ?? []);
  const urbanShare = Math.min(0.9, urbanCount / count);
  // A normal spread whose 1.5-sigma disc holds the urban grids at their size: a big city core, a small town centre.
  const spread = Math.sqrt((urbanCount * urbanGridKm2) / Math.PI) / kmPerDegree / 1.5;
  const points = new Float64Array(count * 2);
  for (let filled = 0; filled < count;) {
    // A share of the points gathers round the seat (the urban core, where grids are small); the rest spread evenly.
    const urban = random.next() < urbanShare;
    const x = urban
      ? seat[0] + (random.normal() * spread) / Math.cos((seat[1] * Math.PI) / 180)
      : random.between(west, east);
    const y = urban ? seat[1] + random.normal() * spread : random.between(south, north);
    if (!insidePolygon(x, y, outline.coordinates)) continue;
    points[2 * filled] = x;
    points[2 * filled + 1] = y;
    filled++;
  }
  return points;
}

function relax(
  points: Float64Array,
  outline: Polygon,
  bounds: [number, number, number, number],
): Float64Array {
  // Lloyd on the unclipped cells: cheap, and it evens out cell sizes while keeping the density gradient.
  const voronoi = new Delaunay(points).voronoi(bounds);
  const next = Float64Array.from(points);
  for (let index = 0; index < points.length / 2; index++) {
    const [x, y] = ringCentroid(voronoi.cellPolygon(index));
    if (insidePolygon(x, y, outline.coordinates)) {
      next[2 * index] = x;
      next[2 * index + 1] = y;
    }
  }
  return next;
}

/** Segments of the outline in a flatbush index, to tell cells that cross the outline from those inside it. */
function outlineSegments(outline: Polygon) {
  const segments: [Point, Point][] = [];
  for (const ring of outline.coordinates) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax = 0, ay = 0] = ring[i] ?? [];
      const [bx = 0, by = 0] = ring[i + 1] ?? [];
      segments.push([
        [ax, ay],
        [bx, by],
      ]);
    }
  }
  const index = new Flatbush(segments.length);
  for (const [a, b] of segments)
    index.add(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
  index.finish();
  return { segments, index };
}

function crossesOutline(ring: readonly Position[], outline: ReturnType<typeof outlineSegments>): boolean {
  for (let i = 0; i + 1 < ring.length; i++) {
    const a: Point = [ring[i]?.[0] ?? 0, ring[i]?.[1] ?? 0];
    const b: Point = [ring[i + 1]?.[0] ?? 0, ring[i + 1]?.[1] ?? 0];
    const near = outline.index.search(
      Math.min(a[0], b[0]),
      Math.min(a[1], b[1]),
      Math.max(a[0], b[0]),
      Math.max(a[1], b[1]),
    );
    for (const found of near) {
      const segment = outline.segments[found];
      if (segment && segmentsMayMeet(a, b, segment[0], segment[1])) return true;
    }
  }
  return false;
}

/** Store a closed ring as open vertex ids, dropping repeats that snapping creates, oriented as asked. */
function toIdRing(ring: readonly Position[], vertices: VertexTable, counterClockwise: boolean): number[] {
  const ids: number[] = [];
  for (const [x = 0, y = 0] of ring.slice(0, -1)) {
    const id = vertices.add(x, y);
    if (ids[ids.length - 1] !== id) ids.push(id);
  }
  while (ids.length > 1 && ids[0] === ids[ids.length - 1]) ids.pop();
  const area = signedArea(
    ids.map((id) => vertices.xs[id] ?? 0),
    ids.map((id) => vertices.ys[id] ?? 0),
  );
  return area > 0 === counterClockwise ? ids : ids.reverse();
}

function toPiece(polygon: readonly Position[][], vertices: VertexTable): CellPiece | null {
  const rings = polygon
    .map((ring, index) => toIdRing(ring, vertices, index === 0))
    .filter((ring) => ring.length >= 3);
  const [outer] = rings;
  if (!outer) return null;
  const area = rings.reduce(
    (sum, ring) =>
      sum +
      signedArea(
        ring.map((id) => vertices.xs[id] ?? 0),
        ring.map((id) => vertices.ys[id] ?? 0),
      ),
    0,
  );
  return { rings, area };
}

/** `vertices` is the city's one table, so counties meeting at a border can be stitched to share vertices. */
export function buildCountyCells(
  outline: Polygon,
  seat: Point,
  count: number,
  /** How many of the cells are urban grids, gathered round the seat. */
  urbanCount: number,
  random: Random,
  vertices: VertexTable,
): CountyCells {
  const [west, south, east, north] = bboxOf(outline.coordinates[0] ?? []);
  const bounds: [number, number, number, number] = [west - 0.05, south - 0.05, east + 0.05, north + 0.05];
  let points = seedPoints(outline, seat, count, urbanCount, random);
  for (let step = 0; step < 2; step++) points = relax(points, outline, bounds);
  const voronoi = new Delaunay(points).voronoi(bounds);
  const segments = outlineSegments(outline);
  const holeStarts = outline.coordinates.map((ring) => ring[0] ?? [0, 0]);
  const cells: CellPiece[][] = [];
  for (let index = 0; index < count; index++) {
    const ring = voronoi.cellPolygon(index);
    // Only cells on the outline need the (slow, exact) clipper; a cell could also swallow a whole hole.
    const mustClip =
      crossesOutline(ring, segments) || holeStarts.some(([x = 0, y = 0]) => insidePolygon(x, y, [ring]));
    const polygons = mustClip
      ? polyclip.intersection([ring] as polyclip.Geom, outline.coordinates as polyclip.Geom)
      : [[ring]];
    const pieces = (polygons as Position[][][])
      .map((polygon) => toPiece(polygon, vertices))
      .filter((piece): piece is CellPiece => piece !== null && piece.area > 0)
      .sort((a, b) => b.area - a.area);
    cells.push(pieces);
  }
  return { vertices, cells };
}
