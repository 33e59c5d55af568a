/**
 * The server's vector tiles (`GET {base}/tiles/{layer}/{z}/{x}/{y}.mvt`, docs/api.md): the layers it cuts, the
 * zoom range, and how a tile address is read, shared by the server (which answers 400 `bad_tile` otherwise), the
 * contract schema (meta's `tiles`) and the client (which resolves the template against its API base).
 */
export const vectorTileLayers = ['grids', 'regions'] as const;
export type VectorTileLayer = (typeof vectorTileLayers)[number];

export const vectorTileMediaType = 'application/vnd.mapbox-vector-tile';
/** MVT's usual extent and the margin (in tile units) cut around each tile so outlines join across tile edges. */
export const vectorTileExtent = 4096;
export const vectorTileBuffer = 64;
/** Zooms the server answers; clients over-zoom the last one (`maxzoom` in meta) as they do any vector source. */
export const vectorTileMaxZoom = 22;

/**
 * The zoom the server advertises as its last (meta's `maxzoom`): at 14 a tile unit is ≈ 0.5 m at Shanxi's
 * latitude, finer than any grid outline needs, so the map over-zooms from there instead of asking for more tiles.
 */
export const advertisedTileMaxZoom = 14;

export const vectorTilePath = (layer: VectorTileLayer): string => `/tiles/${layer}/{z}/{x}/{y}.mvt`;

export interface TileAddress {
  layer: VectorTileLayer;
  z: number;
  x: number;
  y: number;
}

const whole = /^(0|[1-9]\d{0,6})$/;

/** A tile's address from its path segments, or why it is none (a sentence for the 400's message). */
export function readTileAddress(
  layer: string,
  z: string,
  x: string,
  file: string,
): TileAddress | { problem: string } {
  if (!(vectorTileLayers as readonly string[]).includes(layer))
    return { problem: `layer "${layer.slice(0, 40)}" is none of ${vectorTileLayers.join(', ')}` };
  const y = /^(.*)\.mvt$/.exec(file)?.[1] ?? null;
  if (y === null) return { problem: 'a tile is asked for as {z}/{x}/{y}.mvt' };
  if (![z, x, y].every((part) => whole.test(part)))
    return { problem: 'z, x and y are whole numbers without sign or leading zeros' };
  const [zoom, column, row] = [Number(z), Number(x), Number(y)];
  if (zoom > vectorTileMaxZoom) return { problem: `z ${zoom} is over ${vectorTileMaxZoom}` };
  const size = 2 ** zoom;
  if (column >= size || row >= size)
    return { problem: `x and y at zoom ${zoom} are below ${size} (got ${column}, ${row})` };
  return { layer: layer as VectorTileLayer, z: zoom, x: column, y: row };
}
