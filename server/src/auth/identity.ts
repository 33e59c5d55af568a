import type { IncomingHttpHeaders } from 'node:http';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Pool } from '../db';
import { AccessRefused, isRole, type Access } from './access';

/** How the server learns who asks (docs/security.md, "Connecting a city's identity provider"). */
export type AuthConfig =
  /** Development and the tests of the contract: everyone is a city-scope planner named by X-Gridboard-User. */
  | { mode: 'none' }
  /** Bearer access tokens (JWT) of an OpenID Connect provider, checked against its published keys. */
  | {
      mode: 'oidc';
      issuer: string;
      audience: string;
      /** The provider's key set; from its discovery document when not set. */
      jwksUri?: string;
      roleClaim: string;
      scopeClaim: string;
    }
  /**
   * Behind a gateway that signs users in itself (a same-origin cookie session) and forwards who they are in
   * headers: trusted only on connections from the gateway's addresses.
   */
  | { mode: 'gateway'; gateways: readonly string[] };

export interface RequestFacts {
  headers: IncomingHttpHeaders;
  /** The TCP peer (not X-Forwarded-For, which anyone can write). */
  peer: string | undefined;
}

export type Identify = (request: RequestFacts) => Promise<Access>;

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The city's root region: the scope of development mode. */
function rootScope(pool: Pool): () => Promise<string> {
  let root: Promise<string> | null = null;
  return () => {
    root ??= pool
      .query<{ id: string }>('SELECT id FROM regions WHERE parent_id IS NULL')
      .then(({ rows }) => {
        const id = rows[0]?.id;
        if (!id) throw new Error('the database holds no city: run `npm run server:seed`');
        return id;
      })
      .catch((error: unknown) => {
        root = null;
        throw error;
      });
    return root;
  };
}

function accessOfClaims(payload: JWTPayload, roleClaim: string, scopeClaim: string): Access {
  const role = payload[roleClaim];
  const scope = payload[scopeClaim];
  if (!isRole(role)) throw new AccessRefused(403, 'no_role', 'the token grants no Gridboard role');
  if (typeof scope !== 'string' || scope === '')
    throw new AccessRefused(403, 'no_scope', 'the token names no region of the city');
  const sub = payload.sub ?? '';
  const name = typeof payload.name === 'string' ? payload.name : sub;
  return {
    user: sub,
    name,
    role,
    scope,
    ...(payload.exp !== undefined && { expiresAt: payload.exp * 1000 }),
  };
}

function oidcIdentify(config: Extract<AuthConfig, { mode: 'oidc' }>): Identify {
  let keys: Promise<ReturnType<typeof createRemoteJWKSet>> | null = null;
  const keySet = () => {
    keys ??= (async () => {
      if (config.jwksUri) return createRemoteJWKSet(new URL(config.jwksUri));
      const discovery = `${config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
      const response = await fetch(discovery);
      if (!response.ok) throw new Error(`${discovery}: ${response.status}`);
      const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: unknown };
      if (typeof jwksUri !== 'string') throw new Error(`${discovery} names no jwks_uri`);
      return createRemoteJWKSet(new URL(jwksUri));
    })().catch((error: unknown) => {
      keys = null;
      throw new AccessRefused(
        503,
        'identity_unavailable',
        `the identity provider is unreachable: ${String(error)}`,
      );
    });
    return keys;
  };
  return async ({ headers }) => {
    const authorization = header(headers, 'authorization') ?? '';
    const token = /^Bearer ([\w.~+/-]+=*)$/i.exec(authorization)?.[1];
    if (!token) throw new AccessRefused(401, 'unauthenticated', 'sign in: no bearer token was sent');
    try {
      const { payload } = await jwtVerify(token, await keySet(), {
        issuer: config.issuer,
        audience: config.audience,
      });
      return accessOfClaims(payload, config.roleClaim, config.scopeClaim);
    } catch (error) {
      if (error instanceof AccessRefused) throw error;
      if (error instanceof errors.JWTExpired)
        throw new AccessRefused(401, 'session_expired', 'the session has expired: sign in again');
      if (error instanceof errors.JOSEError)
        throw new AccessRefused(401, 'invalid_token', `the token is not accepted (${error.code})`);
      throw error;
    }
  };
}

const peerAddress = (peer: string | undefined) => (peer ?? '').replace(/^::ffff:/, '');

function gatewayIdentify(config: Extract<AuthConfig, { mode: 'gateway' }>): Identify {
  const trusted = new Set(config.gateways.map(peerAddress));
  return ({ headers, peer }) => {
    if (!trusted.has(peerAddress(peer)))
      throw new AccessRefused(401, 'not_through_gateway', 'sign in through the gateway');
    const user = header(headers, 'x-gridboard-user');
    if (!user) throw new AccessRefused(401, 'unauthenticated', 'the gateway sent no user');
    const role = header(headers, 'x-gridboard-role');
    const scope = header(headers, 'x-gridboard-scope');
    // Header values are Latin-1: the gateway percent-encodes a Chinese display name.
    const name = decodeURIComponent(header(headers, 'x-gridboard-name') ?? user);
    return Promise.resolve(accessOfClaims({ sub: user, name, role, scope }, 'role', 'scope'));
  };
}

/** The request's identity, or an AccessRefused. */
export function identifier(config: AuthConfig, pool: Pool): Identify {
  if (config.mode === 'oidc') return oidcIdentify(config);
  if (config.mode === 'gateway') return gatewayIdentify(config);
  const root = rootScope(pool);
  return async ({ headers }) => {
    const user = (header(headers, 'x-gridboard-user') ?? 'anonymous').slice(0, 120);
    return { user, name: user, role: 'planner', scope: await root() };
  };
}
