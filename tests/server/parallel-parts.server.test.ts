import type { FastifyRequest } from 'fastify';
import pg from 'pg';
import { afterEach, describe, expect, it, inject } from 'vitest';
import type { Access } from '../../server/src/auth/access';
import { partsAtOnce } from '../../server/src/auth/parallel-parts';
import { openScoped, runIn, scopedPool } from '../../server/src/auth/scoped-transaction';
import { district } from './access-fixture';

/**
 * server/src/auth/parallel-parts.ts: the indicators' parts, asked at once inside a request, run on connections of
 * their own while the pool has them spare, each with the request's role and settings, and on the request's own
 * transaction otherwise; the settings end with each part's transaction.
 */
const access: Access = { user: 'parts', name: 'parts', role: 'district_leader', scope: district };
const request = { access } as unknown as FastifyRequest;
const pools: pg.Pool[] = [];

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.end()));
});

interface Seen {
  pid: number;
  role: string;
  scope: string;
}

/** Four parts asked at once inside a request's scoped transaction, on a pool of `size`. */
async function fourParts(size: number) {
  const pool = new pg.Pool({ connectionString: inject('databaseUrl'), max: size });
  pools.push(pool);
  const scoped = await openScoped(pool, access);
  const own = (await scoped.client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
  const handlerPool = scopedPool(pool);
  // Each part holds its connection a while, so parts on separate connections overlap.
  const ask = async () =>
    (
      await handlerPool.query<Seen>(
        `SELECT pg_backend_pid() AS pid, current_user AS role, current_setting('gridboard.scope') AS scope
         FROM pg_sleep(0.2)`,
      )
    ).rows[0];
  try {
    const seen = await runIn(scoped.client, () => {
      const part = partsAtOnce(pool, request);
      return Promise.all([part(ask), part(ask), part(ask), part(ask)]);
    });
    return { own, seen, pool };
  } finally {
    await scoped.finish(false);
  }
}

describe('the parts of one request', () => {
  it('run on spare connections with the request’s role and scope, the rest on the request’s own', async () => {
    const { own, seen, pool } = await fourParts(3);
    const pids = new Set(seen.map((row) => row?.pid));
    // One connection is the request's; the two spare ones take a part each; the other two queue on the request's.
    expect(pids.size).toBe(3);
    expect(pids.has(own)).toBe(true);
    expect(seen.filter((row) => row?.pid === own)).toHaveLength(2);
    for (const row of seen) expect(row).toMatchObject({ role: 'gridboard_app', scope: district });
    // Back in the pool, no connection keeps the scope or the role.
    const clients = await Promise.all([pool.connect(), pool.connect(), pool.connect()]);
    try {
      for (const client of clients) {
        const { rows } = await client.query<{ scope: string | null; role: string }>(
          `SELECT nullif(current_setting('gridboard.scope', true), '') AS scope, current_user AS role`,
        );
        expect(rows[0]?.scope).toBeNull();
        expect(rows[0]?.role).not.toMatch(/^gridboard_/);
      }
    } finally {
      clients.forEach((client) => client.release());
    }
  });

  it('all run on the request’s own transaction when no connection is spare', async () => {
    const { own, seen } = await fourParts(1);
    expect(seen.map((row) => row?.pid)).toEqual([own, own, own, own]);
    for (const row of seen) expect(row).toMatchObject({ role: 'gridboard_app', scope: district });
  });
});
