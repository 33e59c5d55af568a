import type { AuthConfig } from './auth/identity';
import { defaultPoolLimits, type PoolLimits } from './db';

/** The server's settings, from the environment (docs/server.md lists them). */
export interface ServerConfig {
  databaseUrl: string;
  host: string;
  port: number;
  /** Where the contract is served (the dashboard's `api.baseUrl`). */
  basePath: string;
  /** Largest request body accepted (a community's plan), in bytes; more is 413. */
  bodyLimitBytes: number;
  /** Seconds a client is asked to wait (Retry-After) while the database is unreachable. */
  retryAfterSeconds: number;
  /**
   * This instance's name, sent as `X-Gridboard-Instance` on every answer, so an operator (and the nginx test) can
   * tell which of several instances behind a proxy answered; the host name and process id when not set.
   */
  instance?: string;
  /** The database pool's size, queue wait and statement timeout (defaults: db.ts `defaultPoolLimits`). */
  pool?: PoolLimits;
  /** Who may ask (docs/security.md); development mode (`none`) when not set. */
  auth?: AuthConfig;
}

/** GRIDBOARD_AUTH = none | oidc | gateway, with the settings each needs. */
function readAuth(env: NodeJS.ProcessEnv): AuthConfig {
  const mode = env.GRIDBOARD_AUTH ?? 'none';
  if (mode === 'none') return { mode };
  if (mode === 'gateway') {
    const gateways = (env.GRIDBOARD_GATEWAY_ADDRESSES ?? '').split(',').filter((address) => address !== '');
    if (gateways.length === 0) throw new Error('GRIDBOARD_AUTH=gateway needs GRIDBOARD_GATEWAY_ADDRESSES');
    return { mode, gateways };
  }
  if (mode !== 'oidc') throw new Error(`GRIDBOARD_AUTH is none, oidc or gateway, not "${mode}"`);
  const issuer = env.GRIDBOARD_OIDC_ISSUER;
  const audience = env.GRIDBOARD_OIDC_AUDIENCE;
  if (!issuer || !audience)
    throw new Error('GRIDBOARD_AUTH=oidc needs GRIDBOARD_OIDC_ISSUER and GRIDBOARD_OIDC_AUDIENCE');
  return {
    mode,
    issuer,
    audience,
    jwksUri: env.GRIDBOARD_OIDC_JWKS_URI,
    roleClaim: env.GRIDBOARD_OIDC_ROLE_CLAIM ?? 'gridboard_role',
    scopeClaim: env.GRIDBOARD_OIDC_SCOPE_CLAIM ?? 'gridboard_scope',
  };
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) throw new Error('set DATABASE_URL, e.g. postgres://gridboard@127.0.0.1:5432/gridboard');
  return {
    databaseUrl,
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 8787),
    basePath: (env.GRIDBOARD_BASE_PATH ?? '/api').replace(/\/+$/, ''),
    bodyLimitBytes: Number(env.GRIDBOARD_BODY_LIMIT_BYTES ?? 8 * 1024 * 1024),
    retryAfterSeconds: Number(env.GRIDBOARD_RETRY_AFTER_SECONDS ?? 5),
    instance: env.GRIDBOARD_INSTANCE,
    auth: readAuth(env),
    pool: {
      size: Number(env.GRIDBOARD_POOL_SIZE ?? defaultPoolLimits.size),
      waitMs: Number(env.GRIDBOARD_POOL_WAIT_MS ?? defaultPoolLimits.waitMs),
      statementTimeoutMs: Number(env.GRIDBOARD_STATEMENT_TIMEOUT_MS ?? defaultPoolLimits.statementTimeoutMs),
    },
  };
}
