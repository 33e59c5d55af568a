import pg from 'pg';
import { startMigratedDatabase } from '../server/dev/seeded-database';
import { buildServer } from '../server/src/app';
import type { ServerConfig } from '../server/src/config';
import type { BenchInfo, BenchModule } from './bench-module';
import { countInFlight, measureTargets, type Target } from './server-load/measure-targets';
import { checkAnswers, columnarAccept, loadRequests } from './server-load/load-checks';
import {
  fullProvince,
  latticeMiddle,
  loadProvince,
  provinceId,
  quickProvince,
} from './server-load/province-load';

/**
 * The reference server at province scale (issue 15): a throwaway PostgreSQL cluster, 70,000 grids, 2.4 M cameras
 * and 1 M cases bulk-loaded by the database itself, then autocannon on 127.0.0.1 against the province's indicators,
 * a 30-day columnar case list and a street-level grid tile, each for a bounded time. Before any load the three
 * answers are checked against PostgreSQL asked on its own. Measured for the city scope (migration 0006), a district
 * leader (0005's policies) and the city scope with 0006's read policies dropped (the "before", same run); each
 * endpoint after the server and PostgreSQL went idle. `--quick`: a small province, the checks only.
 */
const secondsPerEndpoint = 10;
/**
 * A 30-day province case list takes seconds of two shared cores each; in 10 s eight of them may all still be in
 * flight when autocannon stops (it counts no answer it did not get), so that endpoint is measured for longer.
 */
const casesSeconds = 30;

const serverConfig = (databaseUrl: string): ServerConfig => ({
  databaseUrl,
  host: '127.0.0.1',
  port: 0,
  basePath: '/api',
  bodyLimitBytes: 8 << 20,
  retryAfterSeconds: 5,
});

/** The tables migration 0006 gives a city-scope read policy; dropped, the city scope reads through 0005's. */
const wholeCityTables = [
  'regions',
  'grids',
  'cameras',
  'stations',
  'cases',
  'case_days',
  'volunteer_hours',
  'case_events',
];

interface Measuring {
  base: string;
  inFlight: () => number;
  db: pg.Client;
  databaseUrl: string;
  requests: ReturnType<typeof loadRequests>;
  /** The district under the tile (the middle of the lattice). */
  district: string;
  note: readonly string[];
  log: (line: string) => void;
}

/**
 * The three endpoints for the city scope (`none` mode: a city-scope planner, as before), then for a district leader
 * of the district under the tile (a gateway-mode instance on the same database: the broad-scope policies of
 * migration 0005), then the city scope again with 0006's policies dropped: the "before" of the same run.
 */
async function measureAll(m: Measuring): Promise<BenchInfo[]> {
  const { requests, district } = m;
  const city: Target[] = [
    {
      id: 'indicators',
      label: 'GET /indicators?region=<province> (30 days)',
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
  const info = await measureTargets(city, m.base, m.db, m.inFlight, m.note, m.log);

  const gateway = await buildServer({
    ...serverConfig(m.databaseUrl),
    auth: { mode: 'gateway', gateways: ['127.0.0.1'] },
  });
  const gatewayInFlight = countInFlight(gateway);
  try {
    const base = `${await gateway.listen({ host: '127.0.0.1', port: 0 })}/api`;
    const leader = {
      'x-gridboard-user': 'bench',
      'x-gridboard-role': 'district_leader',
      'x-gridboard-scope': district,
    };
    const broad = city.map((target) => ({
      ...target,
      id: `district-${target.id}`,
      label: `${target.label.replace('<province>', district)}, district leader of ${district}`,
      path: target.path.replace(`region=${provinceId}`, `region=${district}`),
      headers: { ...target.headers, ...leader },
      seconds: secondsPerEndpoint,
    }));
    const all = () => m.inFlight() + gatewayInFlight();
    info.push(...(await measureTargets(broad, base, m.db, all, m.note, m.log)));
  } finally {
    await gateway.close();
  }

  for (const table of wholeCityTables) await m.db.query(`DROP POLICY whole_city ON ${table}`);
  const before = city.map((target) => ({
    ...target,
    id: `0005-${target.id}`,
    label: `${target.label}, city scope through 0005's policies (0006 dropped)`,
  }));
  info.push(...(await measureTargets(before, m.base, m.db, m.inFlight, m.note, m.log)));
  return info;
}

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
      const app = await buildServer(serverConfig(databaseUrl));
      const inFlight = countInFlight(app);
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
          const district = `D${Math.floor(size.columns / 2 / 50)}`;
          info.push(
            ...(await measureAll({ base, inFlight, db, databaseUrl, requests, district, note, log })),
          );
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
