import autocannon from 'autocannon';
import os from 'node:os';
import pg from 'pg';
import { startMigratedDatabase } from '../server/dev/seeded-database';
import { buildServer } from '../server/src/app';
import type { BenchInfo, BenchModule } from './bench-module';
import { checkAnswers, columnarAccept, loadRequests } from './server-load/load-checks';
import { fullProvince, latticeMiddle, loadProvince, quickProvince } from './server-load/province-load';

/**
 * The reference server at province scale (issue 15): a throwaway PostgreSQL cluster, 70,000 grids, 2.4 M cameras
 * and 1 M cases bulk-loaded by the database itself, then autocannon on 127.0.0.1 against the province's indicators,
 * a 30-day columnar case list and a street-level grid tile, each for a bounded time. Before any load the three
 * answers are checked against PostgreSQL asked on its own. `--quick`: a small province, the checks only.
 */
const secondsPerEndpoint = 10;
/**
 * A 30-day province case list takes seconds of two shared cores each; in 10 s eight of them may all still be in
 * flight when autocannon stops (it counts no answer it did not get), so that endpoint is measured for longer.
 */
const casesSeconds = 30;
const connections = 8;

interface Latencies {
  p50: number;
  p95: number;
  requestsPerSecond: number;
  non2xx: number;
  serverErrors: number;
}

const percentile = (sorted: readonly number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? NaN;

async function hammer(url: string, headers: Record<string, string>, seconds: number): Promise<Latencies> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, headers, connections, duration: seconds, timeout: 60 },
      (error: unknown, done: autocannon.Result) => (error ? reject(toError(error)) : resolve(done)),
    );
    // autocannon's histogram stops at p90 and p97.5: keep every response time for the p95 asked for.
    // Latencies of answers served (2xx); the others are counted apart.
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

const toError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

export const serverLoadBench: BenchModule = {
  name: 'server load (province on PostgreSQL)',
  environment: 'node',
  async run(log) {
    const quick = process.argv.includes('--quick');
    const size = quick ? quickProvince : fullProvince;
    const info: BenchInfo[] = [];
    const note = [`${size.columns * size.rows} grids, ${size.cameras} cameras, ${size.cases} cases`];
    const { cluster, databaseUrl } = await startMigratedDatabase();
    try {
      const db = new pg.Client({ connectionString: databaseUrl });
      await db.connect();
      const now = new Date(Math.floor(Date.now() / 1000) * 1000);
      const loadStarted = performance.now();
      const steps = await loadProvince(db, size, now);
      const loadSeconds = (performance.now() - loadStarted) / 1000;
      log(
        `loaded ${note[0]} in ${loadSeconds.toFixed(0)} s (${steps.map((s) => `${s.step} ${s.seconds.toFixed(1)} s`).join(', ')})`,
      );
      info.push({
        id: 'server-load-time',
        label: 'Province bulk load (SQL generate_series, indexes after)',
        value: loadSeconds,
        unit: 's',
        notes: [...note, ...steps.map((s) => `${s.step} ${s.seconds.toFixed(1)} s`)],
      });
      const size_ = await db.query<{ bytes: string }>("SELECT pg_database_size('gridboard') AS bytes");
      const megabytes = Number(size_.rows[0]?.bytes ?? 0) / 2 ** 20;
      log(`database size ${megabytes.toFixed(0)} MiB`);
      info.push({
        id: 'server-db-size',
        label: 'Database size (pg_database_size)',
        value: megabytes,
        unit: 'MiB',
        notes: note,
      });
      const app = await buildServer({
        databaseUrl,
        host: '127.0.0.1',
        port: 0,
        basePath: '/api',
        bodyLimitBytes: 8 << 20,
        retryAfterSeconds: 5,
      });
      try {
        const base = `${await app.listen({ host: '127.0.0.1', port: 0 })}/api`;
        const problems = await checkAnswers(base, db, now, size.columns, latticeMiddle(size));
        info.push({
          id: 'server-load-correct',
          label: 'Indicators, 30-day columnar cases and a grid tile equal PostgreSQL counted on its own',
          value: problems.length,
          unit: 'problems',
          notes: problems.length > 0 ? problems : note,
          goal: { description: 'no problem', met: problems.length === 0 },
        });
        if (problems.length > 0) throw new Error(`the server's answers are wrong: ${problems.join('; ')}`);
        log('answers equal PostgreSQL counted on its own');
        if (!quick) {
          const requests = loadRequests(now, latticeMiddle(size));
          const targets: {
            id: string;
            label: string;
            path: string;
            headers: Record<string, string>;
            seconds: number;
          }[] = [
            {
              id: 'indicators',
              label: `GET /indicators?region=<province> (30 days)`,
              path: requests.indicators,
              headers: {},
              seconds: secondsPerEndpoint,
            },
            {
              id: 'cases',
              label: 'GET /cases (30 days, columnar)',
              path: requests.cases,
              headers: { accept: columnarAccept },
              seconds: casesSeconds,
            },
            {
              id: 'tile',
              label: `GET ${requests.tile.path}`,
              path: requests.tile.path,
              headers: {},
              seconds: secondsPerEndpoint,
            },
          ];
          for (const target of targets) {
            const load = os.loadavg()[0] ?? 0;
            const figures = await hammer(`${base}${target.path}`, target.headers, target.seconds);
            const notes = [
              ...note,
              `${connections} connections, ${target.seconds} s, load average ${load.toFixed(2)} before`,
            ];
            log(
              `${target.label}: p50 ${figures.p50} ms, p95 ${figures.p95} ms, ${figures.requestsPerSecond.toFixed(1)} req/s, non-2xx ${figures.non2xx} (5xx ${figures.serverErrors})`,
            );
            info.push(
              {
                id: `server-${target.id}-p50`,
                label: `${target.label}: p50`,
                value: figures.p50,
                unit: 'ms',
                notes,
              },
              {
                id: `server-${target.id}-p95`,
                label: `${target.label}: p95`,
                value: figures.p95,
                unit: 'ms',
                notes,
              },
              {
                id: `server-${target.id}-non2xx`,
                label: `${target.label}: answers not 2xx`,
                value: figures.non2xx,
                unit: 'answers',
                notes,
              },
              {
                id: `server-${target.id}-rps`,
                label: `${target.label}: throughput`,
                value: figures.requestsPerSecond,
                unit: 'req/s',
                notes,
              },
            );
          }
        }
      } finally {
        await app.close();
        await db.end();
      }
    } finally {
      cluster.stop();
    }
    return { figures: [], info };
  },
};
