import { describe, it } from 'vitest';
import { describeContract } from './contract.suite';

/**
 * The same suite against a real server: GRIDBOARD_CONTRACT_BASE_URL=https://host/api npx vitest run tests/contract.
 * Note that it saves one community's grids unchanged (PUT with the same plan), which bumps that community's version.
 */
const baseUrl = process.env.GRIDBOARD_CONTRACT_BASE_URL?.replace(/\/+$/, '');

if (baseUrl) {
  describeContract(`server at ${baseUrl}`, () => ({ baseUrl, fetch: (input, init) => fetch(input, init) }));
} else {
  describe('REST contract: a real server', () => {
    it.skip('set GRIDBOARD_CONTRACT_BASE_URL to run the contract against a server', () => undefined);
  });
}
