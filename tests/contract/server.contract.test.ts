import { describeContract } from './contract.suite';

/**
 * The same suite against any running server, on demand: GRIDBOARD_CONTRACT_BASE_URL=https://host/api npm run
 * test:contract. `npm test` runs it against the mock (mock.contract.test.ts, demo-city.contract.test.ts) and against
 * the reference server on a throwaway PostgreSQL + PostGIS (tests/server/contract.server.test.ts, in test:server).
 * Note that it saves one community's grids unchanged (PUT with the same plan), which bumps that community's version.
 */
const baseUrl = process.env.GRIDBOARD_CONTRACT_BASE_URL?.replace(/\/+$/, '');

if (!baseUrl) throw new Error('set GRIDBOARD_CONTRACT_BASE_URL to the API base URL of the server to check');
describeContract(`server at ${baseUrl}`, () => ({ baseUrl, fetch: (input, init) => fetch(input, init) }));
