import type { FastifyInstance, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { Pool, PoolClient } from '../db';
import { AccessRefused, readsPersonalData, type Access } from './access';
import type { Identify } from './identity';
import { openScoped, runIn, withAccess, type ScopedTransaction } from './scoped-transaction';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who asks (set before any handler runs; a request without one was refused). */
    access: Access | null;
    scoped: ScopedTransaction | null;
  }
}

/** The endpoints whose answers hold names or phones (grid workers, stations): each such read is audited. */
function readsPersonal(request: FastifyRequest): boolean {
  if (request.method !== 'GET') return false;
  const route = request.routeOptions.url ?? '';
  if (route.endsWith('/grids') || route.endsWith('/stations')) return true;
  // The roster with names and phones; `personal=masked` (and a wall's roster, never audited) holds neither.
  if (route.endsWith('/workers')) return (request.query as { personal?: unknown }).personal !== 'masked';
  return route.includes('/tiles/') && (request.params as { layer?: string }).layer === 'grids';
}

/** The request's access, or 401: a handler never runs without one. */
export const accessOf = (request: FastifyRequest): Access => {
  if (!request.access) throw new AccessRefused(401, 'unauthenticated', 'sign in');
  return request.access;
};

/** Work in a transaction of its own with the request's access (after the request's own has ended). */
export const inScopeOf =
  (pool: Pool, request: FastifyRequest) =>
  <T>(work: (client: PoolClient) => Promise<T>): Promise<T> =>
    withAccess(pool, accessOf(request), work);

/**
 * Identity on every request (onRequest), then every route handler inside one transaction opened with the
 * request's scope (see scoped-transaction.ts), committed in onSend, before the answer leaves: a save is answered
 * 200 only once it is committed. Register before the routes (it wraps them as they are added).
 */
export function accessControl(app: FastifyInstance, pool: Pool, identify: Identify): void {
  app.decorateRequest('access', null);
  app.decorateRequest('scoped', null);
  app.addHook('onRequest', async (request) => {
    request.access = await identify({ headers: request.headers, peer: request.socket.remoteAddress });
  });
  app.addHook('onRoute', (route) => {
    const handle: RouteHandlerMethod = route.handler;
    route.handler = async function scopedHandler(this: FastifyInstance, request, reply) {
      const scoped = await openScoped(pool, accessOf(request));
      request.scoped = scoped;
      try {
        const result: unknown = await runIn(scoped.client, () => handle.call(this, request, reply));
        // A hijacked answer (the stream) never reaches onSend: its transaction ends with its handler.
        if (reply.sent) await scoped.finish(true);
        return result;
      } catch (error) {
        await scoped.finish(false).catch(() => undefined);
        throw error;
      }
    };
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const scoped = request.scoped;
    if (!scoped) return payload;
    const ok = reply.statusCode < 400;
    const access = request.access;
    if (ok && reply.statusCode !== 304 && access && readsPersonalData(access.role) && readsPersonal(request))
      await scoped.client.query(
        'INSERT INTO personal_reads (read_by, role, scope, request) VALUES ($1, $2, $3, $4)',
        [access.user, access.role, access.scope, `${request.method} ${request.url}`.slice(0, 500)],
      );
    await scoped.finish(ok);
    return payload;
  });
  const release = async (request: FastifyRequest) => {
    await request.scoped?.finish(false).catch(() => undefined);
  };
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);
}
