import { defineConfig } from 'vitest/config';

// Browser journeys: Playwright drives Debian's Chromium against the production build on 127.0.0.1.
// One worker: the journeys share one preview server and two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
