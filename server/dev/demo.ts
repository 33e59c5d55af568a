import { buildServer } from '../src/app';
import { startSeededDatabase } from './seeded-database';

/**
 * `npm run server:demo`: the reference server on the demo city with nothing set up: a throwaway PostgreSQL
 * cluster in a temp dir (thrown away on exit), migrated and seeded, served on 127.0.0.1:$PORT (8787) under /api.
 */
const port = Number(process.env.PORT ?? 8787);
// The workers' whole day: their positions move as the clock passes the fixes.
const { cluster, databaseUrl, cases, workers, fixes } = await startSeededDatabase(Date.now(), 'whole-day');
const stop = () => {
  cluster.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
try {
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
    `gridboard server on the demo city (${cases} cases, ${workers} grid workers, ${fixes} fixes today): ${address}/api  (database ${databaseUrl})`,
  );
} catch (error) {
  cluster.stop();
  throw error;
}
