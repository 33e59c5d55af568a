import gcoord from 'gcoord';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { IdPolygon } from './rings';
import type { VertexTable } from './vertex-table';

/**
 * From the layout's GCJ-02 to the output's WGS84, rounded to 6 decimals (≈ 0.1 m). Each vertex is converted and
 * rounded once, so a vertex shared by neighbouring grids is the same pair of numbers in both.
 */
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

export function gcjToWgs84(x: number, y: number): [number, number] {
  const [lng, lat] = gcoord.transform<[number, number]>([x, y], gcoord.GCJ02, gcoord.WGS84);
  return [round6(lng), round6(lat)];
}

/** The WGS84 position of every vertex of a table, computed on first use. */
export function wgs84Positions(vertices: VertexTable): (id: number) => [number, number] {
  const cache = new Map<number, [number, number]>();
  return (id) => {
    let position = cache.get(id);
    if (!position) {
      position = gcjToWgs84(vertices.xs[id] ?? 0, vertices.ys[id] ?? 0);
      cache.set(id, position);
    }
    return position;
  };
}

/** A closed GeoJSON ring; vertices that rounding made equal to their predecessor are dropped. */
function closedRing(ring: readonly number[], position: (id: number) => [number, number]): Position[] {
  const out: [number, number][] = [];
  for (const id of ring) {
    const next = position(id);
    const last = out[out.length - 1];
    if (!last || last[0] !== next[0] || last[1] !== next[1]) out.push(next);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  if (out.length < 3 || !first) throw new Error('a ring collapsed when rounded to 6 decimals');
  return [...out, first];
}

export function areaGeometry(
  polygons: readonly IdPolygon[],
  position: (id: number) => [number, number],
): Polygon | MultiPolygon {
  const coordinates = polygons.map((polygon) => polygon.rings.map((ring) => closedRing(ring, position)));
  const [only] = coordinates;
  if (coordinates.length === 1 && only) return { type: 'Polygon', coordinates: only };
  return { type: 'MultiPolygon', coordinates };
}
