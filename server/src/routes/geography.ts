import type { FastifyInstance } from 'fastify';
import { camerasColumnar } from '../../../src/contract/columnar/camera-columns.encode';
import { readBbox } from '../../../src/contract/query-params';
import { advertisedTileMaxZoom, vectorTilePath } from '../../../src/contract/vector-tiles';
import { acceptsColumnar } from '../../../src/geo/columnar/negotiate';
import { columnarMediaType } from '../../../src/geo/columnar/points-columnar';
import { searchParams, type ServerContext } from '../app';
import { formatChinaTime } from '../../../src/domain/china-time';
import { readCommunity } from '../units';

const geometry = `ST_AsGeoJSON(geom, 15)::json`;
const envelope = (index: number) =>
  `ST_MakeEnvelope($${index}::float8, $${index + 1}::float8, $${index + 2}::float8, $${index + 3}::float8, 4326)`;

const collection = (featuresJson: string) => `{"type":"FeatureCollection","features":${featuresJson}}`;

/** meta, regions, grids (ETag + 304), cameras (GeoJSON or columnar) and stations. */
export function geographyRoutes(api: FastifyInstance, { pool }: ServerContext): void {
  api.get('/meta', async (_request, reply) => {
    const { rows } = await pool.query<{
      name: string;
      city: string;
      crs: string;
      attribution: string | null;
      bbox: number[] | null;
      workers: boolean;
    }>(
      `SELECT c.name, c.city, c.crs, c.attribution, to_regclass('worker_fixes') IS NOT NULL AS workers,
              (SELECT ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)] FROM (SELECT ST_Extent(geom)::geometry AS e FROM (SELECT geom FROM regions UNION ALL SELECT geom FROM grids) s) x) AS bbox
       FROM city c`,
    );
    const city = rows[0];
    if (!city) throw new Error('the database holds no city: run `npm run server:seed`');
    return reply.send({
      name: city.name,
      city: city.city,
      bbox: city.bbox ?? [0, 0, 0, 0],
      crs: city.crs,
      dataTime: formatChinaTime(Date.now()),
      ...(city.attribution ? { attribution: city.attribution } : {}),
      live: true,
      // The grid workers' tables exist (migration 0010): the roster, positions and tracks are served.
      ...(city.workers ? { workers: true } : {}),
      tiles: {
        grids: vectorTilePath('grids'),
        regions: vectorTilePath('regions'),
        minzoom: 0,
        maxzoom: advertisedTileMaxZoom,
      },
    });
  });

  // The city's departments (docs/api.md): one list for every scope, read by every role that reads cases.
  api.get('/departments', async (_request, reply) => {
    const { rows } = await pool.query<{ body: string }>(
      `SELECT coalesce(json_agg(json_build_object('id', id, 'name', name, 'categories', categories) ORDER BY sort), '[]')::text AS body
       FROM departments`,
    );
    return reply.type('application/json').send(`{"departments":${rows[0]?.body ?? '[]'}}`);
  });

  api.get('/regions', async (_request, reply) => {
    const { rows } = await pool.query<{ body: string }>(
      `SELECT coalesce(json_agg(json_build_object('type', 'Feature', 'geometry', ${geometry},
         'properties', json_build_object('id', id, 'name', name, 'level', level, 'parentId', parent_id)) ORDER BY sort), '[]')::text AS body
       FROM regions`,
    );
    return reply.type('application/json').send(collection(rows[0]?.body ?? '[]'));
  });

  api.get('/grids', async (request, reply) => {
    const params = searchParams(request.url);
    const community = (await readCommunity(pool, params)) ?? null;
    const box = readBbox(params) ?? null;
    const where = `($1::text IS NULL OR community_id = $1) AND ($2::float8 IS NULL OR geom && ${envelope(2)})`;
    const args = [community, box?.[0] ?? null, box?.[1] ?? null, box?.[2] ?? null, box?.[3] ?? null];
    // The ETag is the selection's ids and versions: a save changes it, nothing else does.
    const tag = await pool.query<{ tag: string }>(
      `SELECT md5(coalesce(string_agg(id || ':' || version, ',' ORDER BY sort), '')) AS tag FROM grids WHERE ${where}`,
      args,
    );
    const etag = `"${tag.rows[0]?.tag ?? ''}"`;
    reply.header('etag', etag).header('cache-control', 'no-cache');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    const { rows } = await pool.query<{ body: string }>(
      `SELECT coalesce(json_agg(json_build_object('type', 'Feature', 'geometry', ${geometry},
         'properties', json_strip_nulls(json_build_object('id', id, 'code', code, 'name', name, 'communityId', community_id, 'type', type,
           'households', households, 'population', population, 'workerName', gridboard_personal(worker_name), 'version', version))) ORDER BY sort), '[]')::text AS body
       FROM grids WHERE ${where}`,
      args,
    );
    return reply.type('application/json').send(collection(rows[0]?.body ?? '[]'));
  });

  api.get('/cameras', async (request, reply) => {
    const box = readBbox(searchParams(request.url)) ?? null;
    const { rows } = await pool.query<{ body: string }>(
      `SELECT coalesce(json_agg(json_build_object('type', 'Feature', 'geometry', ${geometry},
         'properties', json_build_object('id', id, 'name', name, 'status', status, 'purpose', purpose, 'gridId', grid_id)) ORDER BY sort), '[]')::text AS body
       FROM cameras WHERE ($1::float8 IS NULL OR geom && ${envelope(1)})`,
      [box?.[0] ?? null, box?.[1] ?? null, box?.[2] ?? null, box?.[3] ?? null],
    );
    const features = rows[0]?.body ?? '[]';
    reply.header('vary', 'Accept');
    if (acceptsColumnar(request.headers.accept ?? null))
      return reply
        .type(columnarMediaType)
        .send(
          Buffer.from(camerasColumnar(JSON.parse(features) as Parameters<typeof camerasColumnar>[0], false)),
        );
    return reply.type('application/json').send(collection(features));
  });

  // One camera and where to watch it: the list's properties, its stream and still picture when it has them.
  api.get<{ Params: { id: string } }>('/cameras/:id', async (request, reply) => {
    // PostgreSQL text holds no NUL: such an id names no camera (rather than failing the query with a 500).
    if (request.params.id.includes('\u0000'))
      return reply.code(404).send({ error: 'not_found', message: 'no such camera' });
    const { rows } = await pool.query<{ body: string }>(
      `SELECT json_build_object('type', 'Feature', 'geometry', ${geometry},
         'properties', jsonb_build_object('id', id, 'name', name, 'status', status, 'purpose', purpose, 'gridId', grid_id)
           || jsonb_strip_nulls(jsonb_build_object('streamUrl', stream_url, 'snapshotUrl', snapshot_url)))::text AS body
       FROM cameras WHERE id = $1`,
      [request.params.id],
    );
    const camera = rows[0]?.body;
    if (camera === undefined)
      return reply.code(404).send({ error: 'not_found', message: `no camera ${request.params.id}` });
    return reply.type('application/json').send(camera);
  });

  api.get('/stations', async (_request, reply) => {
    const { rows } = await pool.query<{ body: string }>(
      `SELECT coalesce(json_agg(json_build_object('type', 'Feature', 'geometry', ${geometry},
         'properties', json_strip_nulls(json_build_object('id', id, 'name', name, 'kind', kind, 'level', level, 'address', address,
           'phone', gridboard_personal(phone), 'hours', hours))) ORDER BY sort), '[]')::text AS body
       FROM stations`,
    );
    return reply.type('application/json').send(collection(rows[0]?.body ?? '[]'));
  });
}
