import { defineConfig } from 'vitest/config';

// The contract suite against a real server (GRIDBOARD_CONTRACT_BASE_URL), run on demand: `npm run test:contract`.
export default defineConfig({
  test: { include: ['tests/contract/server.contract.test.ts'], environment: 'node', testTimeout: 60_000 },
});
