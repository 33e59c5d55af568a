import { VectorTile } from '@mapbox/vector-tile';
import { generateKeyPair, SignJWT } from 'jose';
import pg from 'pg';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdentityProvider } from '../../server/dev/identity-provider';
import { gridsSchema } from '../../src/contract/schemas/contract.schema';
import {
  audience,
  clientId,
  district,
  grid,
  gridCommunity,
  otherDistrict,
  redirectUri,
  startAccessFixture,
  street,
  users,
  type AccessFixture,
} from './access-fixture';
import { copiedDatabase, startServer, writerClient } from './server-harness';
import { signIn } from './sign-in';
import { describeWorkersAccess } from './workers-access';

/** What each role may do, the wall's masked answers, the audit, refusals with codes, and the gateway mode. */
let fixture: AccessFixture;
let db: pg.Client;
// The planner's save bumps versions that other files compare with the mock: this file works on a copy.
let database: Awaited<ReturnType<typeof copiedDatabase>>;

beforeAll(async () => {
  database = await copiedDatabase(`access_roles_${process.pid}`);
  fixture = await startAccessFixture(database.url);
  db = await writerClient(database.url);
});

afterAll(async () => {
  await db.end();
  await fixture.stop();
  await database.drop();
});

const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;
const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();

describe('refusals', () => {
  it('401 with a code for no token, a forged one, and an ID token; the header says why', async () => {
    const none = await fetch(`${fixture.base}/meta`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer error="unauthenticated"');
    expect(await errorOf(none)).toBe('unauthenticated');
    // Same claims, issuer and audience, signed by a key the provider never published.
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ gridboard_role: 'city_leader', gridboard_scope: '1405' })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-signing' })
      .setIssuer(fixture.provider.issuer)
      .setAudience(audience)
      .setSubject('intruder')
      .setExpirationTime('5m')
      .sign(privateKey);
    const idToken = (await signIn(fixture.provider.issuer, clientId, redirectUri, users.city)).idToken;
    for (const token of [forged, idToken, 'not-a-token']) {
      const response = await fetch(`${fixture.base}/meta`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(401);
      expect(await errorOf(response)).toBe('invalid_token');
    }
  });

  it('an expired access token is 401 session_expired', async () => {
    const shortLived = await startIdentityProvider({
      users: [users.district],
      clientId,
      redirectUris: [redirectUri],
      audience,
      // Long enough to be used once on a loaded machine, short enough to wait for.
      accessTokenSeconds: 6,
    });
    const server = await startServer({
      auth: {
        mode: 'oidc',
        issuer: shortLived.issuer,
        audience,
        roleClaim: 'gridboard_role',
        scopeClaim: 'gridboard_scope',
      },
    });
    try {
      const { accessToken } = await signIn(shortLived.issuer, clientId, redirectUri, users.district);
      const ask = () =>
        fetch(`${server.baseUrl}/meta`, { headers: { authorization: `Bearer ${accessToken}` } });
      expect((await ask()).status).toBe(200);
      // A stream opened with the token ends when the token does (the client reconnects with a renewed one).
      const stream = await fetch(`${server.baseUrl}/cases/stream`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(stream.status).toBe(200);
      const streamEnded = (async () => {
        const reader = stream.body?.getReader();
        while (reader && !(await reader.read()).done);
        return Date.now();
      })();
      let response = await ask();
      // Wait on the condition (the token's `exp` passing), polling, never a fixed sleep.
      for (let tries = 0; response.status === 200 && tries < 80; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        response = await ask();
      }
      expect(response.status).toBe(401);
      expect(await errorOf(response)).toBe('session_expired');
      const [, payload = ''] = accessToken.split('.');
      const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp: number };
      // Ended, and not before the token's end (the heartbeat alone would keep it open for an hour).
      expect(await streamEnded).toBeGreaterThanOrEqual(exp * 1000);
    } finally {
      await server.app.close();
      await shortLived.stop();
    }
  });
});

describe('the wall display', () => {
  it('receives no worker names nor phones in grids, stations or tiles; a leader does', async () => {
    for (const path of ['/grids', '/stations']) {
      const wall = await (await fixture.as('wall', path)).text();
      const leader = await (await fixture.as('city', path)).text();
      expect(wall.length).toBeGreaterThan(10_000);
      expect(wall).not.toMatch(/"workerName"|"phone"/);
      expect(leader).toMatch(/"workerName"|"phone"/);
    }
    const { rows } = await db.query<{ lng: number; lat: number }>(
      'SELECT ST_X(p) AS lng, ST_Y(p) AS lat FROM (SELECT ST_PointOnSurface(geom) AS p FROM grids WHERE id = $1) g',
      [grid],
    );
    const { lng = 0, lat = 0 } = rows[0] ?? {};
    const z = 14;
    const x = Math.floor(((lng + 180) / 360) * 2 ** z);
    const rad = (lat * Math.PI) / 180;
    const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
    const keysOf = async (who: 'wall' | 'city') => {
      const response = await fixture.as(who, `/tiles/grids/${z}/${x}/${y}.mvt`);
      const layer = new VectorTile(new PbfReader(await response.arrayBuffer())).layers.grids;
      expect(layer?.length).toBeGreaterThan(0);
      return Object.keys(layer?.feature(0).properties ?? {});
    };
    expect(await keysOf('wall')).not.toContain('workerName');
    expect(await keysOf('city')).toContain('workerName');
  });

  it('leaves no audit row; a leader’s read of names leaves one naming him and the request', async () => {
    const count = async (who: string) =>
      Number(
        (await db.query<{ n: string }>('SELECT count(*) AS n FROM personal_reads WHERE read_by = $1', [who]))
          .rows[0]?.n,
      );
    const [wallBefore, cityBefore] = [await count(users.wall.login), await count(users.city.login)];
    await (await fixture.as('wall', `/grids?community=${gridCommunity}`)).text();
    await (await fixture.as('city', `/grids?community=${gridCommunity}`)).text();
    expect(await count(users.wall.login)).toBe(wallBefore);
    expect(await count(users.city.login)).toBe(cityBefore + 1);
    const { rows } = await db.query<{ role: string; scope: string; request: string }>(
      'SELECT role, scope, request FROM personal_reads WHERE read_by = $1 ORDER BY id DESC LIMIT 1',
      [users.city.login],
    );
    expect(rows[0]).toEqual({
      role: 'city_leader',
      scope: '1405',
      request: `GET /api/grids?community=${gridCommunity}`,
    });
  });
});

describe('the grid worker and the planner', () => {
  it('a grid worker sees his grid only and may not save: 403 forbidden_role, nothing changed', async () => {
    const own = gridsSchema.parse(await (await fixture.as('worker', '/grids')).json());
    expect(own.features.map((f) => f.properties.id)).toEqual([grid]);
    const before = await db.query<{ id: string; version: number }>(
      'SELECT id, version FROM grids WHERE community_id = $1 ORDER BY id',
      [gridCommunity],
    );
    const response = await fixture.as('worker', `/grids?community=${gridCommunity}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ baseVersion: before.rows[0]?.version, grids: own }),
    });
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toBe('forbidden_role');
    const after = await db.query('SELECT id, version FROM grids WHERE community_id = $1 ORDER BY id', [
      gridCommunity,
    ]);
    expect(after.rows).toEqual(before.rows);
  });

  it('a planner saves in his district (audited under his name) and gets 403 out_of_scope in another', async () => {
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM regions WHERE level = 'community' AND $1 = ANY (path) ORDER BY sort LIMIT 1`,
      [otherDistrict],
    );
    const theirs = rows[0]?.id ?? '';
    const refused = await fixture.as('planner', `/grids?community=${theirs}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ baseVersion: 1, grids: { type: 'FeatureCollection', features: [] } }),
    });
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toBe('out_of_scope');

    const plan = gridsSchema.parse(
      await (await fixture.as('planner', `/grids?community=${gridCommunity}`)).json(),
    );
    const version = Math.max(...plan.features.map((f) => f.properties.version));
    const saved = await fixture.as('planner', `/grids?community=${gridCommunity}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-gridboard-user': 'someone-else' },
      body: JSON.stringify({ baseVersion: version, grids: plan }),
    });
    expect(saved.status, await saved.clone().text()).toBe(200);
    const audit = await db.query<{ saved_by: string; after_version: number }>(
      'SELECT saved_by, after_version FROM grid_saves WHERE community_id = $1 ORDER BY id DESC LIMIT 1',
      [gridCommunity],
    );
    // The token's subject, not a header the caller wrote.
    expect(audit.rows[0]).toEqual({ saved_by: users.planner.login, after_version: version + 1 });
  });

  it('a street leader reads the regions of his street only', async () => {
    const body = (await (await fixture.as('street', '/regions')).json()) as {
      features: { properties: { id: string } }[];
    };
    const { rows } = await db.query<{ id: string }>('SELECT id FROM regions WHERE $1 = ANY (path)', [street]);
    expect(body.features.map((f) => f.properties.id).sort()).toEqual(ids(rows));
  });
});

describe('row-level security in the database', () => {
  it('scopes gridboard_app’s plain SQL by the settings alone: no handler WHERE involved', async () => {
    const asApp = async (scope: string | null, sql: string) => {
      await db.query('BEGIN');
      try {
        await db.query('SET LOCAL ROLE gridboard_app');
        if (scope !== null) await db.query(`SELECT set_config('gridboard.scope', $1, true)`, [scope]);
        return (await db.query<{ n: string }>(sql)).rows[0]?.n;
      } finally {
        await db.query('ROLLBACK');
      }
    };
    const inDistrict = (region: string) =>
      `SELECT count(*) AS n FROM cases c JOIN grids g ON g.id = c.grid_id JOIN regions r ON r.id = g.community_id WHERE '${region}' = ANY (r.path)`;
    const owners = (await db.query<{ n: string }>(inDistrict(district))).rows[0]?.n;
    expect(Number(owners)).toBeGreaterThan(0);
    expect(await asApp(district, 'SELECT count(*) AS n FROM cases')).toBe(owners);
    expect(await asApp(district, inDistrict(otherDistrict))).toBe('0');
    expect(await asApp(null, 'SELECT count(*) AS n FROM cases')).toBe('0');
  });
});

describe('behind a gateway', () => {
  it('trusts the identity headers from the gateway’s address only', async () => {
    const headers = {
      'x-gridboard-user': 'dating',
      'x-gridboard-role': 'wall_display',
      'x-gridboard-scope': district,
    };
    const trusted = await startServer({ auth: { mode: 'gateway', gateways: ['127.0.0.1'] } });
    const elsewhere = await startServer({ auth: { mode: 'gateway', gateways: ['192.0.2.10'] } });
    try {
      const grids = await fetch(`${trusted.baseUrl}/grids`, { headers });
      expect(grids.status).toBe(200);
      const text = await grids.text();
      expect(text).not.toContain('"workerName"');
      const mine = await db.query<{ id: string }>(
        'SELECT g.id FROM grids g JOIN regions r ON r.id = g.community_id WHERE $1 = ANY (r.path)',
        [district],
      );
      expect(
        gridsSchema
          .parse(JSON.parse(text))
          .features.map((f) => f.properties.id)
          .sort(),
      ).toEqual(ids(mine.rows));
      const refused = await fetch(`${elsewhere.baseUrl}/grids`, { headers });
      expect(refused.status).toBe(401);
      expect(await errorOf(refused)).toBe('not_through_gateway');
    } finally {
      await trusted.app.close();
      await elsewhere.app.close();
    }
  });
});

describeWorkersAccess(() => ({ fixture, db }));
