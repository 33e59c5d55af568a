import type { FastifyInstance } from 'fastify';
import { BadParameter } from '../../../src/contract/query-params';
import { formatChinaDay } from '../../../src/domain/china-time';
import { maskPersonName } from '../../../src/domain/personal-data';
import { searchParams, type ServerContext } from '../app';
import { readsPersonalData } from '../auth/access';
import { accessOf } from '../auth/plugin';

/**
 * A track's day as the contract writes it: a real calendar day. Date.parse alone reads "2026-02-30" as 2 March, so
 * the day must also print back as itself.
 */
export function readTrackDay(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const start = Date.parse(`${text}T00:00:00+08:00`);
  return Number.isFinite(start) && formatChinaDay(start) === text ? start : undefined;
}

interface RosterRow {
  id: string;
  name: string | null;
  phone: string | null;
  employment: string;
  on_duty: boolean;
  grid_ids: string[];
}

/**
 * GET /workers, /workers/positions and /workers/{id}/track (docs/api.md, Grid workers). Each read sees the
 * workers of the request's scope only (migration 0010's policies: a worker with a grid in it). Names and phones
 * are decided here, not by the client: a role that may not read personal data (the wall) gets the masked roster
 * whatever it asks, and `personal=masked` masks for anyone.
 */
export function workersRoutes(api: FastifyInstance, { pool }: ServerContext): void {
  api.get('/workers', async (request, reply) => {
    const personal = searchParams(request.url).get('personal');
    if (personal !== null && personal !== 'masked')
      throw new BadParameter(
        'bad_parameter',
        `personal must be "masked" when given, not "${personal.slice(0, 40)}"`,
      );
    const masked = personal === 'masked' || !readsPersonalData(accessOf(request).role);
    // gridboard_personal: the database's own guard (NULL when the request's role reads no personal data).
    const { rows } = await pool.query<RosterRow>(
      `SELECT w.id, CASE WHEN $1 THEN w.name ELSE gridboard_personal(w.name) END AS name,
              CASE WHEN $1 THEN NULL ELSE gridboard_personal(w.phone) END AS phone, w.employment, w.on_duty,
              array(SELECT g.grid_id FROM worker_grids g WHERE g.worker_id = w.id ORDER BY g.place) AS grid_ids
       FROM workers w ORDER BY w.sort`,
      [masked],
    );
    const workers = rows.map((row) => ({
      id: row.id,
      name: masked ? maskPersonName(row.name ?? '') : (row.name ?? ''),
      ...(masked ? {} : { phone: row.phone ?? '' }),
      gridIds: row.grid_ids,
      employment: row.employment,
      onDuty: row.on_duty,
    }));
    return reply.type('application/json').send(JSON.stringify({ workers }));
  });

  // The latest fix of each worker up to now: one backward step on worker_fixes' key per worker. A fix timed
  // after now is not served yet (the demo loads its whole patrol day at once; a real feed writes none).
  api.get('/workers/positions', async (_request, reply) => {
    const { rows } = await pool.query<{ body: string }>(
      `SELECT coalesce(json_agg(json_build_object('type', 'Feature',
         'geometry', json_build_object('type', 'Point', 'coordinates', json_build_array(ST_X(f.geom), ST_Y(f.geom))),
         'properties', json_build_object('id', w.id, 'at', contract_time(f.at), 'onDuty', w.on_duty)) ORDER BY w.sort), '[]')::text AS body
       FROM workers w
       CROSS JOIN LATERAL (SELECT at, geom FROM worker_fixes x WHERE x.worker_id = w.id AND x.at <= now()
                           ORDER BY x.at DESC LIMIT 1) f`,
    );
    return reply
      .type('application/json')
      .send(`{"type":"FeatureCollection","features":${rows[0]?.body ?? '[]'}}`);
  });

  api.get<{ Params: { id: string } }>('/workers/:id/track', async (request, reply) => {
    const id = request.params.id;
    const date = searchParams(request.url).get('date') ?? formatChinaDay(Date.now());
    const dayStart = readTrackDay(date);
    if (dayStart === undefined)
      return reply.code(400).send({
        error: 'bad_date',
        message: `date must be a day as YYYY-MM-DD, not "${date.slice(0, 40)}"`,
      });
    // PostgreSQL text holds no NUL: such an id names no worker (rather than failing the query with a 500).
    const { rows } = id.includes('\u0000')
      ? { rows: [] }
      : await pool.query<{ points: string }>(
          `SELECT (SELECT coalesce(json_agg(json_build_object(
                    'position', json_build_array(ST_X(f.geom), ST_Y(f.geom)), 'at', contract_time(f.at)) ORDER BY f.at), '[]')
                  FROM worker_fixes f
                  WHERE f.worker_id = w.id AND f.at >= $2 AND f.at < $3 AND f.at <= now())::text AS points
           FROM workers w WHERE w.id = $1`,
          [id, new Date(dayStart), new Date(dayStart + 86_400_000)],
        );
    const points = rows[0]?.points;
    // A worker outside the scope is as unknown as one that does not exist.
    if (points === undefined)
      return reply.code(404).send({ error: 'not_found', message: `no grid worker ${id.slice(0, 80)}` });
    return reply
      .type('application/json')
      .send(`{"workerId":${JSON.stringify(id)},"date":${JSON.stringify(date)},"points":${points}}`);
  });
}
