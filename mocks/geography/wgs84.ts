import gcoord from 'gcoord';
import type { Position } from 'geojson';

/**
 * The source outlines are GCJ-02; the layout is made after converting them to WGS84 vertex by vertex. Converting
 * after the layout would not do: the GCJ-02 offset is not linear, so a vertex that clipping put on a county border
 * would leave the neighbouring county's straight edge and open slivers between them.
 */
const cache = new Map<string, [number, number]>();

export function toWgs84(position: Position): [number, number] {
  const x = position[0] ?? 0;
  const y = position[1] ?? 0;
  const key = `${x},${y}`;
  const known = cache.get(key);
  if (known) return known;
  const [lng, lat] = gcoord.transform([x, y], gcoord.GCJ02, gcoord.WGS84);
  const rounded = roundPosition([lng, lat]);
  cache.set(key, rounded);
  return rounded;
}

/** Output precision: 9 decimals (≈ 0.1 mm), far below anything a map or an area sum can see. */
const roundPosition = (position: Position): [number, number] => [
  Math.round((position[0] ?? 0) * 1e9) / 1e9,
  Math.round((position[1] ?? 0) * 1e9) / 1e9,
];

export function roundRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const position of ring) {
    const next = roundPosition(position);
    const last = out[out.length - 1];
    if (!last || last[0] !== next[0] || last[1] !== next[1]) out.push(next);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1]))
    out.push([first[0] ?? 0, first[1] ?? 0]);
  return out;
}

/** Polygons (lists of rings) as a GeoJSON geometry: one piece → Polygon, more → MultiPolygon. */
export function areaGeometry(polygons: Position[][][]) {
  const converted = polygons
    .map((polygon) => polygon.map(roundRing).filter((ring) => ring.length >= 4))
    .filter((polygon) => polygon.length > 0);
  return converted.length === 1
    ? { type: 'Polygon' as const, coordinates: converted[0] ?? [] }
    : { type: 'MultiPolygon' as const, coordinates: converted };
}
