import { AsyncLocalStorage } from 'node:async_hooks';
import type { Pool, PoolClient } from '../db';
import type { Access } from './access';
import { readsPersonalData } from './access';

/** The transaction of the request being handled: every query of a handler runs in it. */
const current = new AsyncLocalStorage<PoolClient>();

export const currentTransaction = (): PoolClient | undefined => current.getStore();

export interface ScopedTransaction {
  client: PoolClient;
  /** Commit (or roll back) and release the connection; later calls do nothing. */
  finish: (commit: boolean) => Promise<void>;
}

/**
 * A transaction as `gridboard_app` (owns nothing, so the policies of migration 0005 apply) with the access as
 * transaction-local settings: they end with the transaction, so a pooled connection carries nothing to the next
 * request. A city-scope access runs as `gridboard_city` instead (migration 0006: the same, planned without the
 * read policies), chosen by the database from the settings just made. One round trip: the values are escaped by the
 * driver, not interpolated raw.
 */
export async function openScoped(pool: Pool, access: Access): Promise<ScopedTransaction> {
  const client = await pool.connect();
  const setting = (name: string, value: string) =>
    `set_config('gridboard.${name}', ${client.escapeLiteral(value)}, true)`;
  try {
    await client.query(
      `BEGIN; SELECT ${[
        setting('scope', access.scope),
        setting('role', access.role),
        setting('user', access.user),
        setting('personal', readsPersonalData(access.role) ? 'on' : 'off'),
      ].join(', ')}; SELECT set_config('role', gridboard_request_role(), true)`,
    );
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release(error instanceof Error ? error : true);
    throw error;
  }
  let finished = false;
  return {
    client,
    finish: async (commit) => {
      if (finished) return;
      finished = true;
      try {
        await client.query(commit ? 'COMMIT' : 'ROLLBACK');
        client.release();
      } catch (error) {
        client.release(error instanceof Error ? error : true);
        throw error;
      }
    },
  };
}

/** Run `work` in the transaction (handlers reach it through `scopedPool`). */
export const runIn = <T>(client: PoolClient, work: () => T): T => current.run(client, work);

/** `work` in a transaction of its own for `access` (the stream checks each event after its request ended). */
export async function withAccess<T>(
  pool: Pool,
  access: Access,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const scoped = await openScoped(pool, access);
  try {
    const result = await runIn(scoped.client, () => work(scoped.client));
    await scoped.finish(true);
    return result;
  } catch (error) {
    await scoped.finish(false).catch(() => undefined);
    throw error;
  }
}

/**
 * One statement at a time on a request's connection. A handler may ask several at once (`Promise.all` over the
 * indicators' parts); before requests ran in one transaction each took its own connection, now they share one, which
 * pg 8 queues with a deprecation warning and pg 9 refuses. The queue is explicit here, for every handler.
 */
const lastInTurn = new WeakMap<PoolClient, Promise<unknown>>();

function inTurn(client: PoolClient, run: () => Promise<unknown>): Promise<unknown> {
  const previous = lastInTurn.get(client) ?? Promise.resolve();
  const next = previous.then(run, run);
  lastInTurn.set(
    client,
    next.catch(() => undefined),
  );
  return next;
}

/**
 * The pool the handlers hold: its `query` runs in the current request's transaction, and it refuses to run
 * anywhere else, so no handler can read as the owner (which bypasses the policies) by mistake.
 */
export function scopedPool(pool: Pool): Pool {
  return new Proxy(pool, {
    get(target, property, receiver) {
      if (property === 'query')
        return (...args: unknown[]) => {
          const client = current.getStore();
          if (!client) throw new Error('a query outside a request: run it through withAccess');
          return inTurn(client, () =>
            (client.query as (...a: unknown[]) => Promise<unknown>).apply(client, args),
          );
        };
      if (property === 'connect')
        return () => {
          throw new Error('a connection outside the request: use inTransaction');
        };
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
