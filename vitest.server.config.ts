import { defineConfig } from 'vitest/config';

// The reference server (server/) on a real PostgreSQL + PostGIS: one throwaway cluster for the run
// (tests/server/global-setup.ts), files one after another since they share its data.
export default defineConfig({
  test: {
    include: ['tests/server/**/*.test.ts'],
    globalSetup: ['tests/server/global-setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
