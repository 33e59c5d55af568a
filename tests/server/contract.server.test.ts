import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { describeContract } from '../contract/contract.suite';
import { copiedDatabase, insertCase, startServer, writerClient } from './server-harness';

/**
 * The contract suite (tests/contract) against the reference server on a real PostgreSQL + PostGIS, seeded with
 * the demo city. A writer inserts a case every 300 ms with plain SQL, so the stream has news to send. The suite saves
 * plans (cases re-joined after a save), so it works on a copy of the seeded city that other files compare with.
 */
let app: FastifyInstance;
let baseUrl = '';
let writer: pg.Client;
let timer: NodeJS.Timeout;
let database: Awaited<ReturnType<typeof copiedDatabase>>;

beforeAll(async () => {
  database = await copiedDatabase(`contract_${process.pid}`);
  ({ app, baseUrl } = await startServer({ databaseUrl: database.url }));
  writer = await writerClient(database.url);
  timer = setInterval(() => void insertCase(writer).catch(() => undefined), 300);
});
afterAll(async () => {
  clearInterval(timer);
  await writer.end();
  await app.close();
  await database.drop();
});

describeContract('reference server on PostgreSQL + PostGIS (demo city)', () => ({
  baseUrl,
  fetch: (input, init) => fetch(input, init),
}));
