import pg from 'pg';
import { currentTransaction } from './auth/scoped-transaction';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

/** How many connections an instance holds, how long a request waits for one, how long one statement may run. */
export interface PoolLimits {
  size: number;
  waitMs: number;
  statementTimeoutMs: number;
}

export const defaultPoolLimits: PoolLimits = { size: 10, waitMs: 10_000, statementTimeoutMs: 15_000 };

export function createPool(databaseUrl: string, limits: PoolLimits = defaultPoolLimits): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: limits.size,
    // A request queues for a connection up to this long (then 503 busy), rather than failing while others finish.
    connectionTimeoutMillis: limits.waitMs,
    // A statement past this is cancelled by PostgreSQL (then 503 busy): the connection is freed, nothing hangs.
    statement_timeout: limits.statementTimeoutMs,
    // JIT compiling costs the API's short queries far more than it saves: its planner estimates for the indicators'
    // lateral part-day scans reach its threshold and spent ~1.2 s compiling a query that runs in ~0.1 s.
    options: '-c jit=off',
  });
  // An idle client losing its connection (the database restarting) must not crash the process.
  pool.on('error', () => undefined);
  return pool;
}

/** Connection-level failures (database down, restarting, unreachable): answered 503, never 500. */
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  '57P01',
  '57P03',
]);

/**
 * The database is there but too busy for this request now: a statement cancelled by `statement_timeout` (57014), or
 * no pooled connection free within the wait. Answered 503 `busy` with Retry-After, never a hang or 500.
 */
export function isDatabaseBusy(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if ((error as { code?: unknown }).code === '57014') return true;
  return /timeout exceeded when trying to connect/.test(error.message);
}

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && unavailableCodes.has(code)) return true;
  return /Connection terminated|connect ECONNREFUSED/.test(error.message);
}

/** Run `work` in one transaction on one pooled connection: a request's own, scoped one when in a request. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const scoped = currentTransaction();
  if (scoped) return work(scoped);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
