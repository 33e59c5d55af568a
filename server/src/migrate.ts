import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';

/** The versioned SQL migrations (server/migrations), applied in order by node-pg-migrate. */
export const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));

export async function migrate(databaseUrl: string, log: (message: string) => void = () => undefined) {
  await runner({
    databaseUrl,
    dir: migrationsDir,
    direction: 'up',
    migrationsTable: 'pgmigrations',
    checkOrder: true,
    log,
  });
}
