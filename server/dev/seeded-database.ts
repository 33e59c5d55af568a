import pg from 'pg';
import { demoCityPath, loadDemoCity } from '../../mocks/node';
import { migrate } from '../src/migrate';
import { seedDemoCity } from '../seed/seed-demo-city';
import { startCluster, type Cluster } from './postgres-cluster';

export interface SeededDatabase {
  cluster: Cluster;
  databaseUrl: string;
  /** The seed's "now": the demo cases end here. */
  seededAt: number;
  cases: number;
}

/** A throwaway cluster with an empty `gridboard` database, migrated. The caller stops `cluster`. */
export async function startMigratedDatabase(): Promise<{ cluster: Cluster; databaseUrl: string }> {
  const cluster = await startCluster();
  try {
    const admin = new pg.Client({ connectionString: cluster.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE gridboard');
    await admin.end();
    const databaseUrl = cluster.url('gridboard');
    await migrate(databaseUrl);
    return { cluster, databaseUrl };
  } catch (error) {
    cluster.stop();
    throw error;
  }
}

/**
 * A throwaway cluster with the `gridboard` database migrated and the demo city loaded: what the server tests,
 * the real-server browser journey and `npm run server:demo` start from (the province load bench starts from the
 * migrated database alone). The caller stops `cluster`.
 */
export async function startSeededDatabase(seededAt = Date.now()): Promise<SeededDatabase> {
  const { cluster, databaseUrl } = await startMigratedDatabase();
  try {
    const { cases } = await seedDemoCity(databaseUrl, await loadDemoCity(demoCityPath), seededAt);
    return { cluster, databaseUrl, seededAt, cases };
  } catch (error) {
    cluster.stop();
    throw error;
  }
}
