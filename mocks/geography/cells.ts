import { Delaunay } from 'd3-delaunay';
import type { Polygon, Position } from 'geojson';
import * as polyclip from 'polyclip-ts';
import type { Random } from '../cases/random';

/**
 * The grid cells of one county: seeded points (denser toward the county seat), two Lloyd steps, Voronoi cells
 * clipped to the real outline. Voronoi cells share their vertices exactly, so neighbouring grids share edges and
 * the cells tile the county with no gap or overlap.
 */
export interface Cell {
  /** Outer ring(s) after clipping; the first polygon is the main piece. */
  polygons: Position[][][];
  centre: [number, number];
  /** Indices of cells that share an edge inside the county. */
  neighbours: number[];
}

type Ring = Position[];

function insideRing(point: readonly number[], ring: Ring): boolean {
  const [x = 0, y = 0] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function insidePolygon(point: readonly number[], polygon: Polygon): boolean {
  const [outer, ...holes] = polygon.coordinates;
  return outer !== undefined && insideRing(point, outer) && !holes.some((hole) => insideRing(point, hole));
}

function bboxOf(polygon: Polygon): [number, number, number, number] {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = 0, y = 0] of polygon.coordinates[0] ?? []) {
    west = Math.min(west, x);
    east = Math.max(east, x);
    south = Math.min(south, y);
    north = Math.max(north, y);
  }
  return [west, south, east, north];
}

function seedPoints(
  outline: Polygon,
  seat: [number, number],
  count: number,
  urbanShare: number,
  random: Random,
) {
  const [west, south, east, north] = bboxOf(outline);
  const points: number[] = [];
  const spread = Math.min(east - west, north - south) * 0.06;
  while (points.length < count * 2) {
    // A share of the points cluster around the county seat (the urban core), the rest spread over the county.
    const urban = random.next() < urbanShare;
    const x = urban ? seat[0] + random.normal() * spread : random.between(west, east);
    const y = urban ? seat[1] + random.normal() * spread * 0.8 : random.between(south, north);
    if (insidePolygon([x, y], outline)) points.push(x, y);
  }
  return points;
}

function ringCentroid(ring: Ring): [number, number] {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    const cross = xj * yi - xi * yj;
    area += cross;
    cx += (xj + xi) * cross;
    cy += (yj + yi) * cross;
  }
  return area === 0 ? [ring[0]?.[0] ?? 0, ring[0]?.[1] ?? 0] : [cx / (3 * area), cy / (3 * area)];
}

export function ringArea(ring: Ring): number {
  let area = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    area += ((ring[j]?.[0] ?? 0) - (ring[i]?.[0] ?? 0)) * ((ring[j]?.[1] ?? 0) + (ring[i]?.[1] ?? 0));
  }
  return area / 2;
}

const polygonArea = (polygon: Position[][]) =>
  polygon.reduce(
    (sum, ring, index) => sum + (index === 0 ? Math.abs(ringArea(ring)) : -Math.abs(ringArea(ring))),
    0,
  );

export function buildCells(
  outline: Polygon,
  seat: [number, number],
  count: number,
  urbanShare: number,
  random: Random,
): Cell[] {
  const [west, south, east, north] = bboxOf(outline);
  const bounds: [number, number, number, number] = [west - 0.05, south - 0.05, east + 0.05, north + 0.05];
  let points = Float64Array.from(seedPoints(outline, seat, count, urbanShare, random));
  for (let step = 0; step < 2; step++) {
    // Lloyd relaxation on the unclipped cells: cheap, and it evens out the cell sizes that clipping would keep.
    const voronoi = new Delaunay(points).voronoi(bounds);
    const next = new Float64Array(points.length);
    for (let index = 0; index < count; index++) {
      const ring = voronoi.cellPolygon(index);
      const centre = ringCentroid(ring);
      const keep = insidePolygon(centre, outline);
      next[2 * index] = keep ? centre[0] : (points[2 * index] ?? 0);
      next[2 * index + 1] = keep ? centre[1] : (points[2 * index + 1] ?? 0);
    }
    points = next;
  }
  const delaunay = new Delaunay(points);
  const voronoi = delaunay.voronoi(bounds);
  const clipTo = outline.coordinates as polyclip.Geom;
  const cells: Cell[] = [];
  for (let index = 0; index < count; index++) {
    const ring = voronoi.cellPolygon(index) as Ring | null;
    const clipped = ring ? polyclip.intersection([ring] as polyclip.Geom, clipTo) : [];
    const polygons = (clipped as Position[][][])
      .map((polygon) => ({ polygon, area: polygonArea(polygon) }))
      .sort((a, b) => b.area - a.area)
      .map((entry) => entry.polygon);
    const main = polygons[0]?.[0];
    cells.push({
      polygons,
      centre: main ? ringCentroid(main) : [points[2 * index] ?? 0, points[2 * index + 1] ?? 0],
      neighbours: [],
    });
  }
  absorbStrayPieces(cells);
  for (let index = 0; index < count; index++) {
    const ring = voronoi.cellPolygon(index) as Ring | null;
    const cell = cells[index];
    if (!ring || !cell) continue;
    for (const other of delaunay.neighbors(index)) {
      const otherRing = voronoi.cellPolygon(other) as Ring | null;
      if (!otherRing) continue;
      // Neighbours in the county share a Voronoi edge whose midpoint lies inside the outline.
      const shared = ring.filter((vertex) =>
        otherRing.some((candidate) => candidate[0] === vertex[0] && candidate[1] === vertex[1]),
      );
      if (shared.length < 2) continue;
      const [a, b] = shared;
      const middle = [((a?.[0] ?? 0) + (b?.[0] ?? 0)) / 2, ((a?.[1] ?? 0) + (b?.[1] ?? 0)) / 2];
      if (
        insidePolygon(middle, outline) ||
        (a && insidePolygon(a, outline)) ||
        (b && insidePolygon(b, outline))
      ) {
        cell.neighbours.push(other);
      }
    }
  }
  return cells;
}

function polygonBbox(polygon: Position[][]): [number, number, number, number] {
  return bboxOf({ type: 'Polygon', coordinates: polygon });
}

const bboxesTouch = (a: readonly number[], b: readonly number[]) =>
  (a[0] ?? 0) <= (b[2] ?? 0) &&
  (b[0] ?? 0) <= (a[2] ?? 0) &&
  (a[1] ?? 0) <= (b[3] ?? 0) &&
  (b[1] ?? 0) <= (a[3] ?? 0);

/**
 * Clipping a Voronoi cell to a jagged outline can leave small stray pieces cut off by a notch. Each stray piece
 * joins the cell it touches (their union is one piece), so every grid — and so every community — is one piece.
 */
function absorbStrayPieces(cells: Cell[]): void {
  for (const cell of cells) {
    while (cell.polygons.length > 1) {
      const piece = cell.polygons.pop();
      if (!piece) break;
      const box = polygonBbox(piece);
      const host = cells.find((other) => {
        const main = other.polygons[0];
        if (other === cell || other.polygons.length !== 1 || !main || !bboxesTouch(box, polygonBbox(main)))
          return false;
        return polyclip.union([main] as polyclip.Geom, [piece] as polyclip.Geom).length === 1;
      });
      if (host) host.polygons = polyclip.union(host.polygons as polyclip.Geom, [piece] as polyclip.Geom);
      else {
        cell.polygons.push(piece);
        break;
      }
    }
  }
}
