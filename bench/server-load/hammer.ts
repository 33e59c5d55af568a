import autocannon from 'autocannon';
import type pg from 'pg';

export const connections = 8;

export interface Latencies {
  p50: number;
  p95: number;
  requestsPerSecond: number;
  non2xx: number;
  serverErrors: number;
}

const percentile = (sorted: readonly number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? NaN;

const toError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/** autocannon on one URL for `seconds`, `connections` at once; latencies of the 2xx answers only. */
export async function hammer(
  url: string,
  headers: Record<string, string>,
  seconds: number,
): Promise<Latencies> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, headers, connections, duration: seconds, timeout: 60 },
      (error: unknown, done: autocannon.Result) => (error ? reject(toError(error)) : resolve(done)),
    );
    // autocannon's histogram stops at p90 and p97.5: keep every response time for the p95 asked for.
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status < 300) times.push(responseTime);
    });
  });
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    requestsPerSecond: result['2xx'] / seconds,
    non2xx: result.non2xx,
    serverErrors: result['5xx'],
  };
}

/** Statements running in the database now, other than the asking one's. */
async function activeStatements(db: pg.Client): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid() AND state NOT IN ('idle')`,
  );
  return rows[0]?.n ?? 0;
}

/**
 * Waits until the server and PostgreSQL are idle: no request of the server in flight (autocannon stops counting at
 * the end of its window, but the server still finishes what it was asked) and no statement running, seen on
 * `quietChecks` checks in a row (a request between two statements, or encoding an answer, is seen by the counter).
 * Returns the seconds waited. Fails past `limitSeconds`: figures taken under the last endpoint's tail would mislead.
 */
export async function waitForIdle(
  db: pg.Client,
  inFlight: () => number,
  limitSeconds = 120,
  quietChecks = 3,
): Promise<number> {
  const started = performance.now();
  let quiet = 0;
  while (quiet < quietChecks) {
    const idle = inFlight() === 0 && (await activeStatements(db)) === 0;
    quiet = idle ? quiet + 1 : 0;
    const waited = (performance.now() - started) / 1000;
    if (waited > limitSeconds) throw new Error(`the server or PostgreSQL still busy after ${limitSeconds} s`);
    // The next look after the event loop has run what is queued (the server answers in this process).
    if (quiet < quietChecks) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return (performance.now() - started) / 1000;
}
