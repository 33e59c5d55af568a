import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEventSchema, casesSchema } from '../../src/contract/schemas/contract.schema';
import { loadMiniCity } from '../../mocks/api/fixtures/mini-city';
import { createMockServer } from '../../mocks/node';
import { getJson, readEvents } from './contract-client';
import { describeContract } from './contract.suite';

/** The mock API always runs the whole contract, in Node, on the hand-made city (fast and deterministic). */
const baseUrl = 'http://gridboard.test/api';
const intervalMs = 40;
const { server } = createMockServer({
  city: loadMiniCity(),
  baseUrl,
  now: new Date('2026-11-22T10:00:00+08:00'),
  streamIntervalMs: intervalMs,
});
// As a deployment behind a gateway would be called: every request carries the token.
const authorization = 'Bearer contract-suite-token';
const client = () => ({
  baseUrl,
  fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
  headers: { Authorization: authorization },
});
const seenAuthorization: (string | null)[] = [];
server.events.on('request:start', ({ request }) =>
  seenAuthorization.push(request.headers.get('authorization')),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describeContract('MSW mock (hand-made city)', client);

describe('MSW mock: the stream across a gap', () => {
  it('numbers events consecutively and replays every one missed while disconnected', async () => {
    const [last] = await readEvents(client(), { count: 1, timeoutMs: 5_000 });
    const lastId = Number(last?.id);
    await new Promise((resolve) => setTimeout(resolve, intervalMs * 6));
    const missed = await readEvents(client(), { count: 8, timeoutMs: 5_000, lastEventId: String(lastId) });
    expect(missed.map((event) => Number(event.id))).toEqual(
      Array.from({ length: 8 }, (_, index) => lastId + 1 + index),
    );

    const fresh = missed
      .map((event) => caseEventSchema.parse(JSON.parse(event.data)).properties)
      .filter((properties) => properties.status === 'reported');
    expect(fresh.length).toBeGreaterThan(0);
    const from = encodeURIComponent(new Date(Date.parse(fresh[0]?.reportedAt ?? '') - 1000).toISOString());
    const listed = casesSchema.parse((await getJson(client(), `/cases?from=${from}`)).body).features;
    const listedIds = new Set(listed.map((feature) => feature.properties.id));
    for (const properties of fresh) expect(listedIds.has(properties.id)).toBe(true);
  });
});

describe('the contract suite’s client', () => {
  it('sent its headers (auth) with every request it made', () => {
    expect(seenAuthorization.length).toBeGreaterThan(20);
    expect(seenAuthorization.every((value) => value === authorization)).toBe(true);
  });
});
