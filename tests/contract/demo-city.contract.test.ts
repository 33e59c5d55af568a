import { existsSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { createMockServer, demoCityPath, loadDemoCity } from '../../mocks/node';
import { describeContract } from './contract.suite';

/**
 * The mock on the generated demo city (public/demo-city/jincheng.json, written by `npm run demo-city`, which
 * `npm run check` runs first): the contract must hold at the real scale too, not only on the hand-made city of
 * mock.contract.test.ts.
 */
const baseUrl = 'http://jincheng.test/api';

if (!existsSync(demoCityPath)) throw new Error(`${demoCityPath} is missing: run \`npm run demo-city\``);
{
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
}
