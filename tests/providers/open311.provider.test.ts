import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../../src/data/data-source';
import type { CaseCollection } from '../../src/contract/schemas/contract.schema';
import { runtimeConfigSchema } from '../../src/domain/runtime-config';
import { peerCity, peerNow } from './fixtures/peer-city';
import { agencies, jurisdiction, serviceCodes, startOpen311Peer } from './peers/open311-peer';
import type { PeerServer } from './peers/peer-server';
import { describeProviderContract } from './provider.contract';

const token = 'open311-secret-token';
const data = peerCity();
const dayMs = 86_400_000;
let peer: PeerServer;

beforeAll(async () => {
  peer = await startOpen311Peer(data, token, peerNow);
});
afterAll(() => peer.close());

const categories = Object.fromEntries(
  Object.entries(serviceCodes).map(([category, code]) => [code, category]),
);
/** agency_responsible (the city's department names) → the contract's department codes. */
const departments = Object.fromEntries(agencies.map((agency) => [agency.name, agency.id]));
const configOf = (options: Record<string, unknown> = {}) =>
  runtimeConfigSchema.parse({
    api: { baseUrl: `${peer.origin}/api` },
    sources: {
      regions: {
        provider: 'files',
        url: `${peer.origin}/files/regions.geojson`,
        headers: { Authorization: `Bearer ${token}` },
      },
      grids: {
        provider: 'files',
        url: `${peer.origin}/files/grids.geojson`,
        headers: { Authorization: `Bearer ${token}` },
      },
      cases: {
        provider: 'open311',
        url: `${peer.origin}/open311/v2/ `,
        headers: { Authorization: `Bearer ${token}` },
        options: {
          jurisdictionId: jurisdiction,
          pageSize: 50,
          extensions: true,
          categories,
          departments,
          ...options,
        },
      },
    },
  });

/**
 * What GeoReport can carry of a case: no channel, no satisfaction, "closed" meaning resolved; the department (as
 * agency_responsible) but no assignee, level, escalation or supervision.
 */
const asOpen311Sees = (cases: CaseCollection): CaseCollection => ({
  ...cases,
  features: cases.features.map((feature) => ({
    ...feature,
    properties: {
      ...feature.properties,
      channel: 'other',
      resolved: feature.properties.status === 'closed' ? true : null,
      satisfaction: null,
      assignee: null,
      resolvedAtLevel: null,
      escalations: [],
      supervision: null,
    },
  })),
});

describeProviderContract('open311 (GeoReport v2)', () => ({
  config: configOf(),
  layers: ['cases'],
  truth: { cases: asOpen311Sees(data.cases) },
  refuses: ['regions', 'grids', 'cameras', 'stations'],
  caseWindow: { from: new Date(peerNow.getTime() - 200 * dayMs).toISOString(), to: peerNow.toISOString() },
  bbox: [112.8, 35.48, 112.845, 35.5],
  token,
  requests: () => peer.requests,
  failNext: (mode) => peer.failNext(mode),
}));

describe('open311: windows, paging and the specification example', () => {
  it('splits a 200-day query into windows of at most 90 days and pages through each', async () => {
    const before = peer.requests.length;
    const from = new Date(peerNow.getTime() - 200 * dayMs).toISOString();
    const cases = await createDataSource(configOf()).cases({ from, to: peerNow.toISOString() });
    const calls = peer.requests.slice(before).map((request) => new URL(request.url, peer.origin));
    const windows = calls.filter((url) => url.pathname.endsWith('/requests.json'));
    const spans = new Set(
      windows.map((url) => `${url.searchParams.get('start_date')}/${url.searchParams.get('end_date')}`),
    );
    expect(spans.size).toBe(3);
    for (const url of windows) {
      const span =
        Date.parse(url.searchParams.get('end_date') ?? '') -
        Date.parse(url.searchParams.get('start_date') ?? '');
      expect(span).toBeLessThanOrEqual(90 * dayMs);
      expect(url.searchParams.get('jurisdiction_id')).toBe(jurisdiction);
    }
    expect(windows.length).toBeGreaterThan(spans.size);
    const expected = data.cases.features.filter(
      (feature) => Date.parse(feature.properties.reportedAt) >= Date.parse(from),
    );
    expect(cases.features.map((feature) => feature.properties.id).sort()).toEqual(
      expected.map((feature) => feature.properties.id).sort(),
    );
  });

  it('splits a window whose answer reaches the server cap until every call is under it: nothing is lost', async () => {
    // The peer cuts every answer at 100 (its cap); no paging configured, the client told the cap is 100.
    const before = peer.requests.length;
    const from = new Date(peerNow.getTime() - 200 * dayMs).toISOString();
    const config = configOf({ pageSize: undefined, maxRequestsPerCall: 100 });
    const cases = await createDataSource(config).cases({ from, to: peerNow.toISOString() });
    const expected = data.cases.features.filter(
      (feature) => Date.parse(feature.properties.reportedAt) >= Date.parse(from),
    );
    expect(expected.length).toBeGreaterThan(300);
    expect(cases.features.map((feature) => feature.properties.id).sort()).toEqual(
      expected.map((feature) => feature.properties.id).sort(),
    );
    expect((cases as { incomplete?: unknown }).incomplete).toBeUndefined();
    const windows = peer.requests
      .slice(before)
      .map((request) => new URL(request.url, peer.origin))
      .filter((url) => url.pathname.endsWith('/requests.json'));
    // Split, not looped: every call asks for a different window, and none is repeated.
    const spans = windows.map(
      (url) => `${url.searchParams.get('start_date')}/${url.searchParams.get('end_date')}`,
    );
    expect(new Set(spans).size).toBe(spans.length);
    expect(windows.length).toBeGreaterThan(3);
  });

  it('says the figures are incomplete when one second alone holds the server cap', async () => {
    // Told the cap is 1: every second that holds a request comes back at the cap and cannot be split further.
    const from = new Date(peerNow.getTime() - 2 * dayMs);
    const reported = data.cases.features.filter((feature) => {
      const at = Date.parse(feature.properties.reportedAt);
      return at >= from.getTime() && at < peerNow.getTime();
    });
    expect(reported.length).toBeGreaterThan(0);
    const config = configOf({ pageSize: undefined, maxRequestsPerCall: 1 });
    const cases = (await createDataSource(config).cases({
      from: from.toISOString(),
      to: peerNow.toISOString(),
    })) as CaseCollection & { incomplete?: { cap: number; cappedCalls: number } };
    expect(cases.incomplete?.cap).toBe(1);
    expect(cases.incomplete?.cappedCalls).toBeGreaterThanOrEqual(reported.length);
    expect(cases.features.map((feature) => feature.properties.id).sort()).toEqual(
      reported.map((feature) => feature.properties.id).sort(),
    );
  });

  it('maps open requests onto the loop from extended attributes and notes, and closed onto closed', async () => {
    const from = new Date(peerNow.getTime() - 60 * dayMs).toISOString();
    const cases = await createDataSource(configOf()).cases({ from, to: peerNow.toISOString() });
    const truth = new Map(data.cases.features.map((feature) => [feature.properties.id, feature.properties]));
    const stages = new Set(cases.features.map((feature) => feature.properties.status));
    expect(stages.size).toBeGreaterThanOrEqual(3);
    for (const { properties } of cases.features)
      expect(properties.status).toBe(truth.get(properties.id)?.status);
    const withoutExtensions = await createDataSource(configOf({ extensions: false })).cases({
      from,
      to: peerNow.toISOString(),
    });
    const open = withoutExtensions.features.filter((feature) => feature.properties.status !== 'closed');
    expect(open.some((feature) => feature.properties.status === 'handling')).toBe(true);
  });

  it('reads the specification example (service_code 006, numeric ids, null descriptions, -08:00)', async () => {
    const config = configOf({ jurisdictionId: undefined, pageSize: undefined });
    const spec = {
      ...config,
      sources: {
        ...config.sources,
        cases: { ...config.sources.cases, provider: 'open311' as const, url: `${peer.origin}/spec/v2` },
      },
    };
    const cases = await createDataSource(spec).cases({
      from: '2010-04-01T00:00:00Z',
      to: '2010-05-01T00:00:00Z',
    });
    expect(cases.features.map((feature) => feature.properties.id)).toEqual(['638344', '638349']);
    const [closed, open] = cases.features.map((feature) => feature.properties);
    expect(closed).toMatchObject({
      status: 'closed',
      closedAt: '2010-04-14T06:37:38-08:00',
      resolved: true,
      satisfaction: null,
    });
    expect(open).toMatchObject({
      status: 'handling',
      dueAt: '2010-04-19T06:37:38-08:00',
      title: 'Sidewalk and Curb Issues',
      gridId: null,
    });
  });

  it('serves indicators client-side when cases come from Open311 and sources.indicators is absent', async () => {
    const before = peer.requests.length;
    const source = createDataSource(configOf(), { now: () => peerNow.getTime() });
    const indicators = await source.indicators({
      region: '140502001',
      from: '2026-10-01',
      to: '2026-11-22',
      interval: 'week',
    });
    const paths = peer.requests.slice(before).map((request) => new URL(request.url, peer.origin).pathname);
    expect(paths.some((path) => path.includes('indicators'))).toBe(false);
    expect(indicators.region.id).toBe('140502001');
    expect(indicators.figures.casesReported).toBeGreaterThan(0);
    expect(indicators.figures.satisfactionRate.denominator).toBe(0);
  });

  it('reads the grids and regions for its joins once for all the reads of one refresh, not once per read', async () => {
    const before = peer.requests.length;
    const source = createDataSource(configOf(), { now: () => peerNow.getTime() });
    const period = { from: '2026-10-01', to: '2026-11-22', interval: 'week' } as const;
    // What one dashboard asks at once: the unit's indicators, its previous period, a sibling, and the cases.
    const [current, previous, sibling, cases] = await Promise.all([
      source.indicators({ region: '140502001', ...period }),
      source.indicators({ region: '140502001', from: '2026-08-10', to: '2026-10-01', interval: 'week' }),
      source.indicators({ region: '140502002', ...period }),
      source.cases({
        region: '140502001',
        from: '2026-10-01T00:00:00+08:00',
        to: '2026-11-22T00:00:00+08:00',
      }),
    ]);
    const paths = peer.requests.slice(before).map((request) => new URL(request.url, peer.origin).pathname);
    expect(paths.filter((path) => path === '/files/grids.geojson')).toHaveLength(1);
    expect(paths.filter((path) => path === '/files/regions.geojson')).toHaveLength(1);
    // Shared reads, separate answers: each read still filtered to its own unit and window.
    expect(current.region.id).toBe('140502001');
    expect(sibling.region.id).toBe('140502002');
    expect(previous.figures.casesReported + current.figures.casesReported).toBeGreaterThan(0);
    expect(cases.features.length).toBeGreaterThan(0);
    expect(cases.features.length).toBeLessThan(data.cases.features.length);
  });
});
