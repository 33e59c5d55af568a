import gcoord from 'gcoord';
import type { Position } from 'geojson';

/**
 * GCJ-02 → WGS84 for every vertex, rounded to 6 decimals (≈ 0.1 m). The conversion is a pure function of the
 * vertex, so a vertex shared by two grids stays shared after it; consecutive duplicates created by rounding are
 * dropped the same way on both sides.
 */
const cache = new Map<string, [number, number]>();

export function toWgs84(position: Position): [number, number] {
  const x = position[0] ?? 0;
  const y = position[1] ?? 0;
  const key = `${x},${y}`;
  const known = cache.get(key);
  if (known) return known;
  const [lng, lat] = gcoord.transform([x, y], gcoord.GCJ02, gcoord.WGS84);
  const rounded: [number, number] = [Math.round(lng * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
  cache.set(key, rounded);
  return rounded;
}

export function ringToWgs84(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const position of ring) {
    const next = toWgs84(position);
    const last = out[out.length - 1];
    if (!last || last[0] !== next[0] || last[1] !== next[1]) out.push(next);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1]))
    out.push([first[0] ?? 0, first[1] ?? 0]);
  return out;
}

/** Polygons (list of rings lists) to a GeoJSON geometry in WGS84: one piece → Polygon, more → MultiPolygon. */
export function geometryToWgs84(polygons: Position[][][]) {
  const converted = polygons
    .map((polygon) => polygon.map(ringToWgs84).filter((ring) => ring.length >= 4))
    .filter((polygon) => polygon.length > 0);
  return converted.length === 1
    ? { type: 'Polygon' as const, coordinates: converted[0] ?? [] }
    : { type: 'MultiPolygon' as const, coordinates: converted };
}
