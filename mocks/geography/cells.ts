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
  const reshaped = absorbStrayPieces(cells);
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
      if (!insidePolygon(middle, outline)) continue;
      // A cell that lost or gained a stray piece may no longer touch the other along that Voronoi edge.
      const touching =
        !(reshaped.has(index) || reshaped.has(other)) ||
        polyclip.union(cell.polygons as polyclip.Geom, (cells[other]?.polygons ?? []) as polyclip.Geom)
          .length === 1;
      if (touching) cell.neighbours.push(other);
    }
  }
  // A cell mostly outside the outline can touch its neighbours only along edges whose midpoints lie outside:
  // find its neighbours from the clipped shapes themselves.
  for (const [index, cell] of cells.entries()) {
    if (cell.neighbours.length > 0) continue;
    for (const other of delaunay.neighbors(index)) {
      const candidate = cells[other];
      if (!candidate) continue;
      if (polyclip.union(cell.polygons as polyclip.Geom, candidate.polygons as polyclip.Geom).length !== 1)
        continue;
      cell.neighbours.push(other);
      if (!candidate.neighbours.includes(index)) candidate.neighbours.push(index);
    }
  }
  joinStrandedPieces(cells);
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
function absorbStrayPieces(cells: Cell[]): Set<number> {
  const reshaped = new Set<number>();
  for (const [index, cell] of cells.entries()) {
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
      if (host) {
        host.polygons = polyclip.union(host.polygons as polyclip.Geom, [piece] as polyclip.Geom);
        reshaped.add(index).add(cells.indexOf(host));
      } else {
        cell.polygons.push(piece);
        break;
      }
    }
  }
  return reshaped;
}

/** The graph's connected pieces, largest first. */
function componentsOf(cells: readonly Cell[]): number[][] {
  const seen = new Set<number>();
  const components: number[][] = [];
  cells.forEach((_, start) => {
    if (seen.has(start)) return;
    const component = [start];
    seen.add(start);
    for (let index = 0; index < component.length; index++) {
      for (const next of cells[component[index] ?? start]?.neighbours ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          component.push(next);
        }
      }
    }
    components.push(component);
  });
  return components.sort((a, b) => b.length - a.length);
}

/**
 * Where the outline narrows to a neck, the Voronoi edges across it can all have their midpoints outside, leaving
 * cells that touch the rest of the county with no edge in the graph. Join every such stranded piece to any cell it
 * really touches (their union is one piece).
 */
function joinStrandedPieces(cells: Cell[]): void {
  const [, ...stranded] = componentsOf(cells);
  for (const component of stranded) {
    const members = new Set(component);
    for (const index of component) {
      const cell = cells[index];
      const main = cell?.polygons[0];
      if (!cell || !main) continue;
      const box = polygonBbox(main);
      const touching = cells.findIndex((other, otherIndex) => {
        const otherMain = other.polygons[0];
        if (members.has(otherIndex) || !otherMain || !bboxesTouch(box, polygonBbox(otherMain))) return false;
        return polyclip.union(cell.polygons as polyclip.Geom, other.polygons as polyclip.Geom).length === 1;
      });
      if (touching < 0) continue;
      cell.neighbours.push(touching);
      cells[touching]?.neighbours.push(index);
      break;
    }
  }
}
