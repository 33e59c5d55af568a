import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clusterControl } from '../../server/dev/postgres-cluster';
import { startServer, writerClient } from './server-harness';

/** Bad input gets a 400 with a code and runs nothing; big bodies 413; the database away gives 503 and heals. */
let app: FastifyInstance;
let baseUrl = '';
let writer: pg.Client;
const bodyLimitBytes = 64 * 1024;

beforeAll(async () => {
  ({ app, baseUrl } = await startServer({ bodyLimitBytes }));
  writer = await writerClient();
});
afterAll(async () => {
  await writer.end().catch(() => undefined);
  await app.close();
});

const hostile = [
  "' OR 1=1 --",
  "x'; DROP TABLE cases; --",
  '1; SELECT pg_sleep(10)',
  'x'.repeat(5_000),
  '\u0000',
  '%00',
  '{"$ne":null}',
  '[1,2]',
  'NaN',
  '-1e309',
  '1,2,3',
  '9999-99-99',
  '😀',
];

/** Every parameter of every read endpoint (the stream's lastEventId included). */
const parameters: Record<string, string[]> = {
  '/grids': ['community', 'bbox'],
  '/cameras': ['bbox'],
  '/cases': ['from', 'to', 'bbox', 'status', 'category', 'region', 'ids'],
  '/indicators': ['region', 'from', 'to', 'interval'],
  '/cases/stream': ['lastEventId'],
};

const tableCounts = async () =>
  (
    await writer.query<{ counts: string }>(
      `SELECT (SELECT count(*) FROM cases) || '/' || (SELECT count(*) FROM grids) || '/' || (SELECT count(*) FROM regions) AS counts`,
    )
  ).rows[0]?.counts;

describe('bad input', () => {
  it('every parameter with injection, oversized, malformed and wrong-typed values: 400 with a code', async () => {
    const before = await tableCounts();
    for (const [path, names] of Object.entries(parameters))
      for (const name of names)
        for (const value of hostile) {
          const response = await fetch(`${baseUrl}${path}?${name}=${encodeURIComponent(value)}`);
          const body = (await response.json()) as { error?: unknown; message?: unknown; features?: unknown };
          // "NaN" or "1,2,3" are well-formed case ids: there are simply no such cases.
          if (name === 'ids' && /^[\w.,-]{1,64}$/.test(value)) {
            expect(response.status).toBe(200);
            expect(body.features).toEqual([]);
            continue;
          }
          expect(response.status, `${path}?${name}=${value.slice(0, 30)}`).toBe(400);
          expect(body.error).toMatch(/^(bad_parameter|unknown_region)$/);
          expect(typeof body.message).toBe('string');
        }
    expect(await tableCounts()).toBe(before);
  });

  it('PUT /grids: a body that is not JSON is 400, one over the limit 413, a missing community 400', async () => {
    const community = (
      await writer.query<{ id: string }>(
        "SELECT id FROM regions WHERE level = 'community' ORDER BY sort LIMIT 1",
      )
    ).rows[0]?.id;
    const put = (query: string, body: string) =>
      fetch(`${baseUrl}/grids${query}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body,
      });
    const notJson = await put(`?community=${community}`, '{"baseVersion": 1, "grids": ');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: string }).error).toBe('bad_parameter');
    const huge = await put(
      `?community=${community}`,
      JSON.stringify({ baseVersion: 0, pad: 'x'.repeat(bodyLimitBytes) }),
    );
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: string }).error).toBe('too_large');
    const nowhere = await put('', '{}');
    expect(nowhere.status).toBe(400);
  });
});

describe('the database going away', () => {
  it('answers 503 with Retry-After while it is down, and serves again by itself when it is back', async () => {
    expect((await fetch(`${baseUrl}/meta`)).status).toBe(200);
    const control = clusterControl(inject('clusterDir'), inject('clusterPort'));
    await writer.end();
    control.stop();
    try {
      for (const path of ['/meta', '/cases', '/grids', '/indicators']) {
        const down = await fetch(`${baseUrl}${path}`);
        expect(down.status, path).toBe(503);
        expect(down.headers.get('retry-after')).toBe('2');
        expect(((await down.json()) as { error: string }).error).toBe('unavailable');
      }
    } finally {
      control.start();
    }
    const deadline = Date.now() + 30_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (await fetch(`${baseUrl}/meta`)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);
    expect((await fetch(`${baseUrl}/cases`)).status).toBe(200);
  });
});
