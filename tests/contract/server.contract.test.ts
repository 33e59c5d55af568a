import { describeContract } from './contract.suite';

/**
 * The same suite against a real server, on demand (not part of `npm test`, which runs it against the mock):
 * GRIDBOARD_CONTRACT_BASE_URL=https://host/api npm run test:contract
 * Note that it saves one community's grids unchanged (PUT with the same plan), which bumps that community's version.
 */
const baseUrl = process.env.GRIDBOARD_CONTRACT_BASE_URL?.replace(/\/+$/, '');

if (!baseUrl) throw new Error('set GRIDBOARD_CONTRACT_BASE_URL to the API base URL of the server to check');
describeContract(`server at ${baseUrl}`, () => ({ baseUrl, fetch: (input, init) => fetch(input, init) }));
