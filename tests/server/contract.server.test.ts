import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { describeContract } from '../contract/contract.suite';
import { insertCase, startServer, writerClient } from './server-harness';

/**
 * The contract suite (tests/contract) against the reference server on a real PostgreSQL + PostGIS, seeded with
 * the demo city. A writer inserts a case every 300 ms with plain SQL, so the stream has news to send.
 */
let app: FastifyInstance;
let baseUrl = '';
let writer: pg.Client;
let timer: NodeJS.Timeout;

beforeAll(async () => {
  ({ app, baseUrl } = await startServer());
  writer = await writerClient();
  timer = setInterval(() => void insertCase(writer).catch(() => undefined), 300);
});
afterAll(async () => {
  clearInterval(timer);
  await writer.end();
  await app.close();
});

describeContract('reference server on PostgreSQL + PostGIS (demo city)', () => ({
  baseUrl,
  fetch: (input, init) => fetch(input, init),
}));
