import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openScoped } from '../../server/src/auth/scoped-transaction';
import { district } from './access-fixture';

/**
 * Migration 0006: a city-scope request is planned as if the tables had no policies (the tile's GiST lookup, the
 * case window's index), while a narrower scope still reads through 0005's. The reads below are the shapes of the
 * tile, the case list, the summary and the camera box.
 */
const reads = [
  `SELECT id, version FROM grids WHERE geom && ST_MakeEnvelope(112.5, 37.8, 112.6, 37.9, 4326) ORDER BY sort`,
  `SELECT id FROM cases WHERE reported_at >= now() - interval '30 days' AND reported_at < now() ORDER BY reported_at, id`,
  `SELECT community_id, sum(reported) FROM case_days WHERE day >= now() - interval '30 days' GROUP BY community_id`,
  `SELECT id FROM cameras WHERE geom && ST_MakeEnvelope(112.5, 37.8, 112.6, 37.9, 4326)`,
  `SELECT id FROM regions WHERE parent_id IS NULL`,
];

// One connection, so a setting or role left behind by a scoped transaction would be seen by the next one.
const pool = new pg.Pool({ connectionString: inject('databaseUrl'), max: 1 });
let city = '';

const explain = (client: pg.PoolClient, sql: string) =>
  client
    .query<{ 'QUERY PLAN': string }>(`EXPLAIN (COSTS OFF) ${sql}`)
    .then(({ rows }) => rows.map((row) => row['QUERY PLAN']).join('\n'));

/** The plans and the role of a read in a scoped transaction (as every request runs), rolled back. */
async function asScope(scope: string) {
  const scoped = await openScoped(pool, { user: 'plans', name: 'plans', role: 'city_leader', scope });
  try {
    const plans: string[] = [];
    for (const sql of reads) plans.push(await explain(scoped.client, sql));
    const role = (await scoped.client.query<{ role: string }>('SELECT current_user AS role')).rows[0]?.role;
    return { plans, role };
  } finally {
    await scoped.finish(false);
  }
}

/** The same reads as the owner, to whom no policy applies. */
async function asOwner() {
  const client = await pool.connect();
  try {
    const plans: string[] = [];
    for (const sql of reads) plans.push(await explain(client, sql));
    const role = (await client.query<{ role: string }>('SELECT current_user AS role')).rows[0]?.role;
    return { plans, role };
  } finally {
    client.release();
  }
}

beforeAll(async () => {
  const { rows } = await pool.query<{ id: string }>('SELECT id FROM regions WHERE parent_id IS NULL');
  city = rows[0]?.id ?? '';
});

afterAll(async () => {
  await pool.end();
});

describe('the city scope is planned without the policies', () => {
  it('plans every read as the owner does, as gridboard_city', async () => {
    const owner = await asOwner();
    const cityScope = await asScope(city);
    expect(cityScope.role).toBe('gridboard_city');
    expect(cityScope.plans).toEqual(owner.plans);
  });

  it('plans a district’s reads through the policies, as gridboard_app', async () => {
    const owner = await asOwner();
    const districtScope = await asScope(district);
    expect(districtScope.role).toBe('gridboard_app');
    districtScope.plans.forEach((plan, index) => expect(plan).not.toEqual(owner.plans[index]));
  });

  it('leaves neither the role nor the scope on the pooled connection after the request', async () => {
    const owner = await asOwner();
    await asScope(city);
    const client = await pool.connect();
    try {
      const { rows } = await client.query<{ role: string; scope: string | null }>(
        `SELECT current_user AS role, nullif(current_setting('gridboard.scope', true), '') AS scope`,
      );
      expect(rows[0]).toEqual({ role: owner.role, scope: null });
    } finally {
      client.release();
    }
  });
});
