import type { FastifyRequest } from 'fastify';
import type { Pool } from '../db';
import { inScopeOf } from './plugin';

/**
 * Connections the pool can hand out now without anyone waiting: idle ones and room for new ones, less those
 * already promised to waiters. pg-pool counts a waiter and a new connection in the same tick as `connect()` is
 * called, so asking before each `connect()` never promises one connection twice.
 */
const spareConnections = (pool: Pool): number =>
  pool.idleCount + Math.max(0, pool.options.max - pool.totalCount) - pool.waitingCount;

/**
 * Runs one of the independent read-only parts of one request's answer (the indicators' figures, hours and children), each in a
 * scoped transaction of its own with the request's access (same role, same transaction-local settings, which end
 * with it), so they run at once as they did before every request ran in one transaction. A part takes a
 * connection of its own only when one is spare now; otherwise it runs on the request's own transaction, after the
 * others there. A request holding its connection never waits for a second one, so requests cannot deadlock each
 * other over the pool. The parts read separate snapshots, as they did on separate connections before.
 */
export function partsAtOnce(ownerPool: Pool, request: FastifyRequest) {
  const inScope = inScopeOf(ownerPool, request);
  return <T>(part: () => Promise<T>): Promise<T> =>
    spareConnections(ownerPool) > 0 ? inScope(() => part()) : part();
}
