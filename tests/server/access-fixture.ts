import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import {
  startIdentityProvider,
  type IdentityProvider,
  type TestUser,
} from '../../server/dev/identity-provider';
import type { AuthConfig } from '../../server/src/auth/identity';
import { startServer } from './server-harness';
import { signIn } from './sign-in';

/** The demo city's tree: 晋城市 (1405) → 城区 (140502) → 东街街道 (140502001) → 建设路社区 → its first grid. */
export const city = '1405';
export const district = '140502';
export const otherDistrict = '140521';
export const street = '140502001';
export const grid = '140502001001001';
export const gridCommunity = '140502001001';

export const users = {
  city: { login: 'mayor', password: 'pw-city', name: '王市长', role: 'city_leader', scope: city },
  district: {
    login: 'chengqu',
    password: 'pw-district',
    name: '李区长',
    role: 'district_leader',
    scope: district,
  },
  street: { login: 'dongjie', password: 'pw-street', name: '赵主任', role: 'street_leader', scope: street },
  worker: { login: 'wangge', password: 'pw-worker', name: '常晨英', role: 'grid_worker', scope: grid },
  planner: { login: 'guihua', password: 'pw-planner', name: '孙规划', role: 'planner', scope: district },
  wall: { login: 'dating', password: 'pw-wall', name: '大厅大屏', role: 'wall_display', scope: city },
} satisfies Record<string, TestUser>;
export type Who = keyof typeof users;

export const clientId = 'gridboard-dashboard';
export const audience = 'urn:gridboard:api';
/** The dashboard's address: the test reads the code from the redirect, no page is loaded there. */
export const redirectUri = 'http://127.0.0.1/callback';

export interface AccessFixture {
  provider: IdentityProvider;
  app: FastifyInstance;
  base: string;
  tokens: Record<Who, string>;
  /** A request as `who` (a bearer token in the Authorization header). */
  as: (who: Who, path: string, init?: RequestInit) => Promise<Response>;
  stop: () => Promise<void>;
}

/**
 * The identity provider, a server that trusts it over the run's database (or `databaseUrl`: a copy, for a file
 * that saves), and every user signed in.
 */
export async function startAccessFixture(databaseUrl?: string): Promise<AccessFixture> {
  const provider = await startIdentityProvider({
    users: Object.values(users),
    clientId,
    redirectUris: [redirectUri],
    audience,
  });
  const auth: AuthConfig = {
    mode: 'oidc',
    issuer: provider.issuer,
    audience,
    roleClaim: 'gridboard_role',
    scopeClaim: 'gridboard_scope',
  };
  const { app, baseUrl: base } = await startServer(databaseUrl ? { auth, databaseUrl } : { auth });
  const entries = await Promise.all(
    (Object.keys(users) as Who[]).map(
      async (who) =>
        [who, (await signIn(provider.issuer, clientId, redirectUri, users[who])).accessToken] as const,
    ),
  );
  const tokens = Object.fromEntries(entries) as Record<Who, string>;
  return {
    provider,
    app,
    base,
    tokens,
    as: (who, path, init = {}) =>
      fetch(`${base}${path}`, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${tokens[who]}` },
      }),
    stop: async () => {
      await app.close();
      await provider.stop();
    },
  };
}

let inserted = 0;
/** A new reported case in `region`'s first grid (at a point on its surface), written as the owner; its id. */
export async function insertCaseIn(
  client: pg.Client,
  region: string,
  title = 'scope test case',
): Promise<string> {
  inserted += 1;
  const id = `SCOPE${process.pid}-${inserted}`;
  await client.query(
    `INSERT INTO cases (id, title, channel, category, status, reported_at, due_at, grid_id, stage_times, geom)
     SELECT $1, $3, 'app', 'environment', 'reported', date_trunc('second', now()),
            date_trunc('second', now()) + interval '3 days', g.id,
            json_build_object('reported', contract_time(date_trunc('second', now()))), ST_PointOnSurface(g.geom)
     FROM grids g JOIN regions r ON r.id = g.community_id WHERE $2 = ANY (r.path) ORDER BY g.sort LIMIT 1`,
    [id, region, title],
  );
  return id;
}
