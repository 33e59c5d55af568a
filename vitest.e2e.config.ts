import { defineConfig } from 'vitest/config';

// Browser journeys: Playwright drives Debian's Chromium against the production build on 127.0.0.1.
// One file at a time by default: the journeys share one preview server and two cores. GRIDBOARD_E2E_WORKERS=2 runs
// two files at once (each its own Chromium; every server a journey starts is on a free port, every file it writes
// has its own name), for a machine with cores to spare.
const workers = Math.max(1, Number(process.env.GRIDBOARD_E2E_WORKERS ?? 1) || 1);

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: workers > 1,
    maxWorkers: workers,
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
