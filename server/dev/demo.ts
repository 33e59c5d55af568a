import pg from 'pg';
import { loadDemoCity } from '../../mocks/node';
import { buildServer } from '../src/app';
import { migrate } from '../src/migrate';
import { seedDemoCity } from '../seed/seed-demo-city';
import { startCluster } from './postgres-cluster';

/**
 * `npm run server:demo`: the reference server on the demo city with nothing set up: a throwaway PostgreSQL
 * cluster in a temp dir (thrown away on exit), migrated and seeded, served on 127.0.0.1:$PORT (8787) under /api.
 */
const port = Number(process.env.PORT ?? 8787);
const cluster = await startCluster();
const stop = () => {
  cluster.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
try {
  const admin = new pg.Client({ connectionString: cluster.url('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE gridboard');
  await admin.end();
  const databaseUrl = cluster.url('gridboard');
  await migrate(databaseUrl);
  const { cases } = await seedDemoCity(databaseUrl, await loadDemoCity(), Date.now());
  const app = await buildServer({
    databaseUrl,
    host: '127.0.0.1',
    port,
    basePath: '/api',
    bodyLimitBytes: 8 * 1024 * 1024,
    retryAfterSeconds: 5,
  });
  const address = await app.listen({ host: '127.0.0.1', port });
  console.log(
    `gridboard server on the demo city (${cases} cases): ${address}/api  (database ${databaseUrl})`,
  );
} catch (error) {
  cluster.stop();
  throw error;
}
