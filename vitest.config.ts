import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit and component tests. Browser journeys live in tests/e2e and run with vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'mocks/**/*.test.ts',
      'tests/contract/**/*.test.ts',
      'tests/lint/**/*.test.ts',
      'tests/providers/**/*.test.ts',
      'tests/faults/**/*.test.ts',
    ],
    exclude: ['tests/contract/server.contract.test.ts', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    // Some suites build the whole demo city once (a few seconds, more on a loaded 2-core machine).
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default for `run` is one worker fewer than the cores: one worker on a 2-core CI machine, which then
    // idles a core while the main process mostly waits: a worker per core keeps both busy.
    maxWorkers: availableParallelism(),
  },
});
