import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildServer } from '../../server/src/app';
import type { ServerConfig } from '../../server/src/config';

/** The server under test on 127.0.0.1 (a free port) over the run's seeded database. */
export async function startServer(overrides: Partial<ServerConfig> = {}): Promise<{
  app: FastifyInstance;
  baseUrl: string;
}> {
  const config: ServerConfig = {
    databaseUrl: inject('databaseUrl'),
    host: '127.0.0.1',
    port: 0,
    basePath: '/api',
    bodyLimitBytes: 2 * 1024 * 1024,
    retryAfterSeconds: 2,
    ...overrides,
  };
  const app = await buildServer(config);
  const address = await app.listen({ host: config.host, port: 0 });
  return { app, baseUrl: `${address}${config.basePath}` };
}

let written = 0;

/**
 * Another writer than the server (a city's case system, say): inserts one new case with plain SQL, in a grid,
 * reported now. The database's trigger turns it into a stream event for every instance.
 */
export async function insertCase(client: pg.Client, suffix = ''): Promise<string> {
  written += 1;
  const id = `W${process.pid}-${written}${suffix}`;
  await client.query(
    `INSERT INTO cases (id, title, channel, category, status, reported_at, due_at, grid_id, stage_times, geom)
     SELECT $1, 'streamed test case', 'app', 'environment', 'reported', date_trunc('second', now()),
            date_trunc('second', now()) + interval '3 days', g.id,
            json_build_object('reported', contract_time(date_trunc('second', now()))), ST_PointOnSurface(g.geom)
     FROM grids g ORDER BY g.sort LIMIT 1`,
    [id],
  );
  return id;
}

export async function writerClient(databaseUrl = inject('databaseUrl')): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
}

/**
 * A copy of the run's seeded database for a file whose saves would change what other files compare (cases and
 * cameras re-joined, versions bumped): `CREATE DATABASE … TEMPLATE`, dropped by the returned function.
 */
export async function copiedDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const seeded = new URL(inject('databaseUrl'));
  const template = seeded.pathname.slice(1);
  const admin = new pg.Client({
    connectionString: Object.assign(new URL(seeded), { pathname: '/postgres' }).href,
  });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  return {
    url: Object.assign(new URL(seeded), { pathname: `/${name}` }).href,
    drop: async () => {
      const client = new pg.Client({
        connectionString: Object.assign(new URL(seeded), { pathname: '/postgres' }).href,
      });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** The server under test over its own copy of the seeded database, and a client of that copy. */
export interface CopiedServer {
  app: FastifyInstance;
  base: string;
  db: pg.Client;
}

/**
 * For a file whose writes must not change what the other files compare with the mock: registers the file's
 * beforeAll (a copy of the seeded city named `name`, a server over it, a client of it) and afterAll (all closed,
 * the copy dropped). The returned object is filled in by beforeAll.
 */
export function serverOnCopiedDatabase(name: string): CopiedServer {
  const server = {} as CopiedServer;
  let database: Awaited<ReturnType<typeof copiedDatabase>> | undefined;
  beforeAll(async () => {
    database = await copiedDatabase(`${name}_${process.pid}`);
    const { app, baseUrl } = await startServer({ databaseUrl: database.url });
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    Object.assign(server, { app, base: baseUrl, db });
  });
  afterAll(async () => {
    await server.db.end();
    await server.app.close();
    await database?.drop();
  });
  return server;
}

/** A grid as the contract serves it (only what a merge needs). */
interface PlanGrid {
  geometry: unknown;
  properties: { id: string };
}

/**
 * The plan that merges a community's first two grids: the first kept with the union of both (PostGIS's own, so
 * the save's topology check sees no sliver), the second dropped, the rest unchanged.
 */
export async function mergeFirstTwo<G extends PlanGrid>(db: pg.Client, grids: G[]) {
  const [kept, dropped, ...rest] = grids;
  if (!kept || !dropped) throw new Error('need two grids');
  const union = await db.query<{ geometry: string }>(
    'SELECT ST_AsGeoJSON(ST_Union(geom), 15) AS geometry FROM grids WHERE id = ANY ($1)',
    [[kept.properties.id, dropped.properties.id]],
  );
  const merged = { ...kept, geometry: JSON.parse(union.rows[0]?.geometry ?? 'null') as unknown };
  return { kept, dropped, rest, merged };
}
