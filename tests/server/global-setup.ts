import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { demoCityPath, loadDemoCity } from '../../mocks/node';
import { migrate } from '../../server/src/migrate';
import { seedDemoCity } from '../../server/seed/seed-demo-city';
import { startCluster } from '../../server/dev/postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    clusterPort: number;
    clusterDir: string;
    seededAt: number;
  }
}

/** One cluster for every server test file: created, migrated and seeded with the demo city once per run. */
export default async function setup(project: TestProject) {
  const cluster = await startCluster();
  try {
    const admin = new pg.Client({ connectionString: cluster.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE gridboard');
    await admin.end();
    const databaseUrl = cluster.url('gridboard');
    await migrate(databaseUrl);
    const seededAt = Date.now();
    await seedDemoCity(databaseUrl, await loadDemoCity(demoCityPath), seededAt);
    project.provide('databaseUrl', databaseUrl);
    project.provide('clusterPort', cluster.port);
    project.provide('clusterDir', cluster.dir);
    project.provide('seededAt', seededAt);
  } catch (error) {
    cluster.stop();
    throw error;
  }
  return () => cluster.stop();
}
