import { hostname } from 'node:os';
import Fastify, { type FastifyInstance } from 'fastify';
import { BadParameter } from '../../src/contract/query-params';
import { AccessRefused } from './auth/access';
import { identifier } from './auth/identity';
import { accessControl } from './auth/plugin';
import { scopedPool } from './auth/scoped-transaction';
import { CaseEventHub } from './case-events';
import type { ServerConfig } from './config';
import { createPool, isDatabaseBusy, isDatabaseUnavailable, type Pool } from './db';
import { casesRoutes } from './routes/cases';
import { geographyRoutes } from './routes/geography';
import { gridSaveRoutes } from './routes/grid-save';
import { indicatorsRoutes } from './routes/indicators';
import { streamRoutes } from './routes/stream';
import { tilesRoutes } from './routes/tiles';
import { workersRoutes } from './routes/workers';

export interface ServerContext {
  /** Queries in the request's scoped transaction (server/src/auth): never as the owner. */
  pool: Pool;
  /** The owner's pool, for work outside requests (the stream's per-event scope checks open their own). */
  ownerPool: Pool;
  events: CaseEventHub;
  config: ServerConfig;
}

/** The reference server of the REST contract (docs/api.md) over PostgreSQL + PostGIS. */
export async function buildServer(config: ServerConfig): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: config.bodyLimitBytes, logger: false });
  const pool = createPool(config.databaseUrl, config.pool);
  const events = new CaseEventHub(config.databaseUrl, pool);
  const context: ServerContext = { pool: scopedPool(pool), ownerPool: pool, events, config };
  const instance = config.instance ?? `${hostname()}:${process.pid}`;
  // Every answer names its instance; set on the raw response so that the stream's own writeHead sends it too.
  app.addHook('onRequest', async (_request, reply) => {
    reply.raw.setHeader('x-gridboard-instance', instance);
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AccessRefused) {
      if (error.status === 401) reply.header('www-authenticate', `Bearer error="${error.code}"`);
      return reply.code(error.status).send({ error: error.code, message: error.message });
    }
    if (error instanceof BadParameter)
      return reply.code(400).send({ error: error.code, message: error.message });
    // A policy of migration 0005 refusing a write: the handler's own checks missed it, the database did not.
    if ((error as { code?: unknown }).code === '42501')
      return reply.code(403).send({ error: 'forbidden', message: 'outside what you may change' });
    if (isDatabaseBusy(error))
      return reply
        .code(503)
        .header('retry-after', String(config.retryAfterSeconds))
        .send({ error: 'busy', message: 'the database is too busy to answer now; try again shortly' });
    if (isDatabaseUnavailable(error))
      return reply
        .code(503)
        .header('retry-after', String(config.retryAfterSeconds))
        .send({ error: 'unavailable', message: 'the database is unreachable; try again shortly' });
    const status = (error as { statusCode?: unknown }).statusCode;
    const message = error instanceof Error ? error.message : String(error);
    if (status === 413) return reply.code(413).send({ error: 'too_large', message });
    if (status === 415) return reply.code(415).send({ error: 'unsupported_media_type', message });
    if (typeof status === 'number' && status >= 400 && status < 500)
      return reply.code(400).send({ error: 'bad_parameter', message });
    process.stderr.write(
      `gridboard server: ${request.method} ${request.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return reply.code(500).send({ error: 'internal', message: 'the server failed; see its log' });
  });
  app.setNotFoundHandler((request, reply) => {
    // A tile path with too few or too many parts, or a part over Fastify's parameter length, matches no route;
    // it is still a tile asked for badly, not a missing endpoint.
    if (request.url.startsWith(`${config.basePath}/tiles/`))
      return reply
        .code(400)
        .send({ error: 'bad_tile', message: 'a tile is asked for as tiles/{layer}/{z}/{x}/{y}.mvt' });
    return reply.code(404).send({
      error: 'not_found',
      message: `no such endpoint: ${request.method} ${request.url.split('?')[0] ?? ''}`,
    });
  });

  accessControl(app, pool, identifier(config.auth ?? { mode: 'none' }, pool));
  await app.register(
    (api, _options, done) => {
      geographyRoutes(api, context);
      casesRoutes(api, context);
      indicatorsRoutes(api, context);
      gridSaveRoutes(api, context);
      streamRoutes(api, context);
      tilesRoutes(api, context);
      workersRoutes(api, context);
      done();
    },
    { prefix: config.basePath },
  );
  app.addHook('onClose', async () => {
    await events.close();
    await pool.end();
  });
  return app;
}

/** A request's query, read as the contract reads it (repeated names are not lists; commas are). */
export const searchParams = (url: string): URLSearchParams =>
  new URL(url, 'http://server.invalid').searchParams;
