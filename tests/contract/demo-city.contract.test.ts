import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createMockServer, demoCityPath, loadDemoCity } from '../../mocks/node';
import { describeContract } from './contract.suite';

/**
 * The mock on the generated demo city (public/demo-city/jincheng.json), once the generator has written it:
 * the contract must hold at the real scale too, not only on the hand-made city of mock.contract.test.ts.
 */
const baseUrl = 'http://jincheng.test/api';

if (existsSync(demoCityPath)) {
  const { server } = createMockServer({
    city: await loadDemoCity(),
    baseUrl,
    now: new Date('2026-11-22T10:00:00+08:00'),
    streamIntervalMs: 40,
  });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  describeContract('MSW mock (generated demo city)', () => ({
    baseUrl,
    fetch: (input, init) => fetch(input, init),
  }));
} else {
  describe('REST contract: MSW mock on the generated demo city', () => {
    it.skip(`${demoCityPath} is not generated yet`, () => undefined);
  });
}
