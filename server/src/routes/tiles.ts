import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { BadParameter } from '../../../src/contract/query-params';
import {
  readTileAddress,
  vectorTileBuffer,
  vectorTileExtent,
  vectorTileMediaType,
} from '../../../src/contract/vector-tiles';
import type { ServerContext } from '../app';

/**
 * The tile's envelope in Web Mercator, and in WGS84 (with the buffer) for the GiST index on `geom`. A Mercator
 * rectangle is a lon/lat rectangle too, so the transformed envelope is exact.
 */
const bounds = `bounds AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS mercator,
         ST_Transform(ST_TileEnvelope($1, $2, $3, margin => ${vectorTileBuffer / vectorTileExtent}), 4326) AS wgs84)`;
const clipped = `ST_AsMVTGeom(ST_Transform(t.geom, 3857), b.mercator, ${vectorTileExtent}, ${vectorTileBuffer}, true)`;

/**
 * A grid tile and its tag in one statement (one snapshot, so the tag is the tag of these bytes). The tag is the
 * ids and versions of the grids in the tile, which every save bumps: a plan save changes the ETag of exactly the
 * tiles its grids touch, and a tile whose tag the client already holds ($4) is not cut at all.
 */
const gridTileSql = `WITH ${bounds},
  tag AS (SELECT md5(coalesce(string_agg(t.id || ':' || t.version, ',' ORDER BY t.id), '')) AS tag
          FROM grids t, bounds b WHERE t.geom && b.wgs84),
  features AS (
    SELECT t.id, t.code, t.name, t.community_id AS "communityId", t.type, t.households, t.population,
           gridboard_personal(t.worker_name) AS "workerName", t.version, ${clipped} AS geom
    FROM grids t, bounds b WHERE t.geom && b.wgs84 ORDER BY t.sort)
  SELECT (SELECT tag FROM tag) AS tag,
         CASE WHEN (SELECT tag FROM tag) = $4 THEN NULL
              ELSE (SELECT ST_AsMVT(features, 'grids', ${vectorTileExtent}, 'geom') FROM features WHERE geom IS NOT NULL)
         END AS tile`;

/** Regions change only by import: their tag is the tile's content. */
const regionTileSql = `WITH ${bounds}, features AS (
    SELECT t.id, t.name, t.level, t.parent_id AS "parentId", ${clipped} AS geom
    FROM regions t, bounds b WHERE t.geom && b.wgs84 ORDER BY t.sort)
  SELECT ST_AsMVT(features, 'regions', ${vectorTileExtent}, 'geom') AS tile FROM features WHERE geom IS NOT NULL`;

/** The tag inside an `If-None-Match` of ours (`"grids-<md5>"`), or null. */
const heldTag = (header: string | undefined, layer: string): string | null =>
  new RegExp(`^"${layer}-([0-9a-f]{32})"$`).exec(header ?? '')?.[1] ?? null;

/** `GET /tiles/{layer}/{z}/{x}/{y}.mvt`: Mapbox Vector Tiles cut by PostGIS (`ST_AsMVT`), ETag + 304. */
export function tilesRoutes(api: FastifyInstance, { pool }: ServerContext): void {
  api.get<{ Params: { layer: string; z: string; x: string; file: string } }>(
    '/tiles/:layer/:z/:x/:file',
    async (request, reply) => {
      const { layer, z, x, file } = request.params;
      const address = readTileAddress(layer, z, x, file);
      if ('problem' in address) throw new BadParameter('bad_tile', address.problem);
      const tile = [address.z, address.x, address.y];
      const held = heldTag(request.headers['if-none-match'], address.layer);
      let tag: string;
      let bytes: Buffer | null;
      if (address.layer === 'grids') {
        const { rows } = await pool.query<{ tag: string; tile: Buffer | null }>(gridTileSql, [...tile, held]);
        tag = rows[0]?.tag ?? '';
        bytes = tag === held ? null : (rows[0]?.tile ?? Buffer.alloc(0));
      } else {
        const { rows } = await pool.query<{ tile: Buffer | null }>(regionTileSql, tile);
        bytes = rows[0]?.tile ?? Buffer.alloc(0);
        tag = createHash('md5').update(bytes).digest('hex');
      }
      // Revalidated on every use (no-cache): the ETag, not a lifetime, is what keeps a tile fresh after a save.
      reply.header('etag', `"${address.layer}-${tag}"`).header('cache-control', 'no-cache');
      if (tag === held || bytes === null) return reply.code(304).send();
      return reply.type(vectorTileMediaType).send(bytes);
    },
  );
}
