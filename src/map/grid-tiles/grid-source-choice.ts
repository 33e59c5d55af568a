import type { GridFill } from '../grid-fill';

/**
 * Which source draws the grids. Few grids: one GeoJSON source (one clone, no tile round trips). Many: vector
 * tiles, from the data server when it offers them (PostGIS cuts them; the browser only fetches what it shows),
 * else cut in a worker from the grids it already holds. Server tiles carry the server's grid properties only, so
 * a fill by a figure the dashboard computes itself (service reach) needs the worker's tiles of the enriched grids.
 */
export const gridTileThreshold = 20_000;

/** An absolute URL template of the server's grid tiles (meta's `tiles`) and its zoom range. */
export interface ServerGridTiles {
  url: string;
  minzoom: number;
  maxzoom: number;
}

/** The properties a server grid tile holds (server/src/routes/tiles.ts). */
export const serverGridTileProperties: readonly string[] = [
  'id',
  'code',
  'name',
  'communityId',
  'type',
  'households',
  'population',
  'workerName',
  'version',
];

export type GridSourceChoice =
  { kind: 'geojson' } | { kind: 'worker' } | { kind: 'server'; tiles: ServerGridTiles };

export function chooseGridSource(
  gridCount: number,
  server: ServerGridTiles | null,
  fill: GridFill,
): GridSourceChoice {
  if (gridCount < gridTileThreshold) return { kind: 'geojson' };
  if (server && serverGridTileProperties.includes(fill.property)) return { kind: 'server', tiles: server };
  return { kind: 'worker' };
}
