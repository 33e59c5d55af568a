import type { Meta } from '../../contract/schemas/contract.schema';
import type { ResolvedSource } from '../provider';

/** A vector tile source the map can use as is: an absolute URL template and its zoom range. */
export interface ServerTileTemplate {
  url: string;
  minzoom: number;
  maxzoom: number;
}

/**
 * The grid tiles the data server offers (meta's `tiles`), as an absolute URL for MapLibre, or null when the map
 * must cut its own: no tiles advertised, grids not read over REST, or the source needs headers (a token), which
 * MapLibre's tile requests would not carry.
 */
export function serverGridTiles(
  meta: Meta | undefined,
  source: ResolvedSource,
  pageUrl: string,
): ServerTileTemplate | null {
  const tiles = meta?.tiles;
  if (!tiles || source.provider !== 'rest' || Object.keys(source.headers).length > 0) return null;
  // Resolve the base alone: URL() would percent-encode the template's braces.
  const base = new URL(`${source.url.replace(/\/+$/, '')}/`, pageUrl).href.replace(/\/$/, '');
  return { url: `${base}${tiles.grids}`, minzoom: tiles.minzoom, maxzoom: tiles.maxzoom };
}
