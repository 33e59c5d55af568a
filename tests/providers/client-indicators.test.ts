import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitVolunteerHours } from './fixtures/mock-volunteer-hours';
import { createMockServer } from '../../mocks/node';
import { computeIndicators } from '../../src/data/adapters/client-indicators';
import { indicatorsSchema, type CaseCollection } from '../../src/contract/schemas/contract.schema';
import type { IndicatorQuery } from '../../src/data/provider';
import { peerCity, peerNow } from './fixtures/peer-city';

/**
 * Client-side indicators must equal the REST server's for the same data: the mock's `/indicators` on the mini
 * city against `computeIndicators` over the same cases with their grid ids removed (so the spatial join has to
 * find every grid again) and the mock's volunteer-hour log.
 */
const baseUrl = 'http://indicators.peer.test/api';
const data = peerCity();
const { server, state } = createMockServer({
  city: data.city,
  baseUrl,
  now: () => peerNow,
  casesPerYear: 1_500,
});
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const withoutGrids: CaseCollection = {
  ...data.cases,
  features: data.cases.features.map((feature) => ({
    ...feature,
    properties: { ...feature.properties, gridId: null },
  })),
};

const queries: IndicatorQuery[] = [
  { region: '', from: '', to: '', interval: 'day' },
  { region: '140502', from: '2026-06-01', to: '2026-11-22T10:00:00+08:00', interval: 'week' },
  {
    region: '140502002',
    from: '2025-12-01T00:00:00+08:00',
    to: '2026-11-01T00:00:00+08:00',
    interval: 'month',
  },
  { region: '140502001001', from: '2026-10-01', to: '2026-11-15', interval: 'day' },
  { region: '140502002002-G1', from: '2026-09-01', to: '2026-11-22', interval: 'week' },
];

describe('client-side indicators', () => {
  it.each(queries)('equal the REST server’s for $region $interval', async (query) => {
    const search = new URLSearchParams({ interval: query.interval });
    for (const key of ['region', 'from', 'to'] as const) if (query[key] !== '') search.set(key, query[key]);
    const response = await fetch(`${baseUrl}/indicators?${search.toString()}`);
    const expected = indicatorsSchema.parse(await response.json());
    const computed = computeIndicators({
      cases: withoutGrids,
      grids: data.city.grids,
      regions: data.city.regions,
      query,
      now: peerNow.getTime(),
      volunteerHours: unitVolunteerHours(state),
    });
    expect(expected.figures.casesReported + expected.figures.openCases).toBeGreaterThan(0);
    expect(computed).toEqual(expected);
  });

  it('reports satisfaction as no data when the source has none, not as 0 %', () => {
    const unrated: CaseCollection = {
      ...withoutGrids,
      features: withoutGrids.features.map((feature) => ({
        ...feature,
        properties: { ...feature.properties, satisfaction: null },
      })),
    };
    const computed = computeIndicators({
      cases: unrated,
      grids: data.city.grids,
      regions: data.city.regions,
      query: queries[1] ?? { region: '', from: '', to: '', interval: 'day' },
      now: peerNow.getTime(),
    });
    expect(computed.figures.casesClosed).toBeGreaterThan(0);
    expect(computed.figures.satisfactionRate).toEqual({ numerator: 0, denominator: 0 });
    expect(computed.figures.volunteerHours).toBe(0);
  });
});
