import type { TestProject } from 'vitest/node';
import { startSeededDatabase } from '../../server/dev/seeded-database';

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
  const { cluster, databaseUrl, seededAt } = await startSeededDatabase();
  project.provide('databaseUrl', databaseUrl);
  project.provide('clusterPort', cluster.port);
  project.provide('clusterDir', cluster.dir);
  project.provide('seededAt', seededAt);
  return () => cluster.stop();
}
