import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../../src/data/adapters/client-indicators';
import { IndicatorsClient } from '../../src/data/adapters/client/indicators-client';
import { inProcessIndicatorsPort } from '../../src/data/adapters/client/indicators-in-process';
import { clientSideIndicators } from '../../src/data/adapters/client/indicators-from-cases';
import { DataError } from '../../src/data/data-error';
import type { IndicatorQuery } from '../../src/data/provider';
import type { CaseCollection } from '../../src/contract/schemas/contract.schema';
import { peerCity, peerNow } from './fixtures/peer-city';

/**
 * The indicators worker's answer equals the synchronous computation (which client-indicators.test.ts holds equal
 * to the REST server's), through the real message protocol: cases without grids, joined in the worker.
 */
const data = peerCity();
const now = peerNow.getTime();
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
  { region: '140502001001', from: '2026-10-01', to: '2026-11-15', interval: 'day' },
  { region: '140502002002-G1', from: '2026-09-01', to: '2026-11-22', interval: 'week' },
];

describe('indicators worker', () => {
  it('answers every query as the synchronous path does, sending the geography once', async () => {
    const port = inProcessIndicatorsPort();
    const client = new IndicatorsClient(port);
    for (const query of queries) {
      const input = { cases: withoutGrids, grids: data.city.grids, regions: data.city.regions, query, now };
      const fromWorker = await client.compute(input);
      expect(fromWorker.figures.casesReported + fromWorker.figures.openCases).toBeGreaterThan(0);
      expect(fromWorker).toEqual(computeIndicators(input));
    }
    expect(port.requests.filter((kind) => kind === 'set-geography')).toHaveLength(1);
    client.dispose();
  });

  it('keeps a grid the source named and joins the rest', async () => {
    const client = new IndicatorsClient(inProcessIndicatorsPort());
    const query = queries[1] ?? { region: '', from: '', to: '', interval: 'day' };
    const input = { cases: data.cases, grids: data.city.grids, regions: data.city.regions, query, now };
    expect(await client.compute(input)).toEqual(computeIndicators(input));
    client.dispose();
  });

  it('rejects an unknown region with the indicators layer’s error', async () => {
    const client = new IndicatorsClient(inProcessIndicatorsPort());
    const failure = client.compute({
      cases: withoutGrids,
      grids: data.city.grids,
      regions: data.city.regions,
      query: { region: 'nowhere', from: '', to: '', interval: 'day' },
      now,
    });
    await expect(failure).rejects.toBeInstanceOf(DataError);
    await expect(failure).rejects.toMatchObject({ layer: 'indicators', kind: 'config' });
    client.dispose();
  });

  it('is what clientSideIndicators uses when given the worker', async () => {
    const client = new IndicatorsClient(inProcessIndicatorsPort());
    const query = queries[2] ?? { region: '', from: '', to: '', interval: 'day' };
    const layers = {
      cases: () => Promise.resolve(withoutGrids),
      grids: () => Promise.resolve(data.city.grids),
      regions: () => Promise.resolve(data.city.regions),
    };
    const viaWorker = await clientSideIndicators(layers, query, now, undefined, (input) =>
      client.compute(input),
    );
    const synchronous = await clientSideIndicators(layers, query, now);
    expect(viaWorker).toEqual(synchronous);
    client.dispose();
  });
});
