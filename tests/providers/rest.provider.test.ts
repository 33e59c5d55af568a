import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll } from 'vitest';
import { createMockServer } from '../../mocks/node';
import { runtimeConfigSchema } from '../../src/domain/runtime-config';
import { peerCity, peerNow } from './fixtures/peer-city';
import type { FailureMode, RecordedRequest } from './peers/peer-server';
import { describeProviderContract } from './provider.contract';

/** The project's own REST contract, served by the MSW mock over the same city and cases as the other peers. */
const token = 'rest-secret-token';
const baseUrl = 'http://rest.peer.test/api';
const data = peerCity();
const { server } = createMockServer({ city: data.city, baseUrl, now: () => peerNow, casesPerYear: 1_500 });
const requests: RecordedRequest[] = [];
server.events.on('request:start', ({ request }) => {
  requests.push({ url: request.url, headers: Object.fromEntries(request.headers.entries()) });
});

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const failNext = (mode: FailureMode) =>
  server.use(
    http.get(
      `${baseUrl}/*`,
      () =>
        mode === 'http500'
          ? new HttpResponse('internal error', { status: 500 })
          : new HttpResponse('<!doctype html><p>Please sign in</p>', {
              headers: { 'content-type': 'text/html' },
            }),
      { once: true },
    ),
  );

describeProviderContract('rest (MSW mock of docs/api.md)', () => ({
  config: runtimeConfigSchema.parse({ api: { baseUrl, headers: { Authorization: `Bearer ${token}` } } }),
  layers: ['regions', 'grids', 'cameras', 'stations', 'cases'],
  truth: { ...data.city, cases: data.cases },
  refuses: [],
  caseWindow: {
    from: new Date(peerNow.getTime() - 120 * 86_400_000).toISOString(),
    to: peerNow.toISOString(),
  },
  bbox: [112.8, 35.48, 112.845, 35.5],
  token,
  requests: () => requests,
  failNext,
  streamsCases: true,
  savesGrids: true,
}));
