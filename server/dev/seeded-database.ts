import pg from 'pg';
import { demoCityPath, loadDemoCity } from '../../mocks/node';
import { migrate } from '../src/migrate';
import { seedDemoCity, wholeDayOf } from '../seed/seed-demo-city';
import type { FixWindow } from '../seed/seed-workers';
import { startCluster, type Cluster } from './postgres-cluster';

export interface SeededDatabase {
  cluster: Cluster;
  databaseUrl: string;
  /** The seed's "now": the demo cases end here. */
  seededAt: number;
  cases: number;
  workers: number;
  fixes: number;
}

const minute = 60_000;
/**
 * The workers' fixes of the tests and journeys: from the seed to 5 minutes after it (within its day; at most
 * ~27,000 fixes, each worker's latest before it included, against 1.85 M for a whole day), so positions, and
 * today's tracks from the seed on, are the mock's while they run (the server tests take ~2 minutes).
 */
export const aroundSeed = (seededAt: number): FixWindow => ({
  from: seededAt,
  until: Math.min(seededAt + 5 * minute, wholeDayOf(seededAt).until),
});

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
export async function startSeededDatabase(
  seededAt = Date.now(),
  fixes: 'around-seed' | 'whole-day' = 'around-seed',
): Promise<SeededDatabase> {
  const { cluster, databaseUrl } = await startMigratedDatabase();
  try {
    const window = fixes === 'whole-day' ? wholeDayOf(seededAt) : aroundSeed(seededAt);
    const seeded = await seedDemoCity(databaseUrl, await loadDemoCity(demoCityPath), seededAt, window);
    return { cluster, databaseUrl, seededAt, ...seeded };
  } catch (error) {
    cluster.stop();
    throw error;
  }
}
