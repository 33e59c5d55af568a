import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../../src/data/data-source';
import type { LoadProgress } from '../../src/data/adapters/adapter';
import { runtimeConfigSchema } from '../../src/domain/runtime-config';
import { peerCity, peerNow } from './fixtures/peer-city';
import { mapservMissing, startOgcPeer } from './peers/ogc-peer';
import type { PeerServer } from './peers/peer-server';
import { describeProviderContract } from './provider.contract';

const token = 'ogc-secret-token';
const data = peerCity();
let peer: (PeerServer & { base: string }) | undefined;

beforeAll(async () => {
  // No skip: without MapServer the OGC adapter is untested, and that must be loud.
  const missing = mapservMissing();
  if (missing) throw new Error(missing);
  peer = await startOgcPeer(data, token);
});
afterAll(async () => {
  await peer?.close();
});

const started = () => {
  if (!peer) throw new Error('the MapServer peer did not start');
  return peer;
};

const configOf = (limit: number) => {
  const layer = {
    provider: 'ogc',
    url: started().base,
    headers: { Authorization: `Bearer ${token}` },
    options: { limit },
  };
  return runtimeConfigSchema.parse({
    api: { baseUrl: `${started().origin}/api` },
    sources: {
      regions: layer,
      grids: layer,
      cameras: layer,
      stations: layer,
      cases: layer,
      indicators: layer,
    },
  });
};

describeProviderContract('ogc (MapServer 8, OGC API – Features)', () => ({
  config: configOf(500),
  layers: ['regions', 'grids', 'cameras', 'stations', 'cases'],
  truth: { ...data.city, cases: data.cases },
  refuses: ['indicators'],
  caseWindow: {
    from: new Date(peerNow.getTime() - 120 * 86_400_000).toISOString(),
    to: peerNow.toISOString(),
  },
  bbox: [112.8, 35.48, 112.845, 35.5],
  token,
  requests: () => started().requests,
  failNext: (mode) => started().failNext(mode),
}));

describe('ogc: paging and progress', () => {
  it('follows next links page by page and reports progress against numberMatched', async () => {
    const progress: LoadProgress[] = [];
    const before = started().requests.length;
    const source = createDataSource(configOf(200), {
      onProgress: (step) => step.layer === 'cases' && progress.push(step),
    });
    const cases = await source.cases({
      from: '2000-01-01T00:00:00Z',
      to: '2100-01-01T00:00:00Z',
      bbox: [112.8, 35.48, 112.845, 35.5],
    });
    const pages = started()
      .requests.slice(before)
      .filter((request) => request.url.includes('/collections/cases/items'));
    expect(pages.length).toBe(Math.ceil(data.cases.features.length / 200));
    expect(progress.at(-1)?.total).toBe(data.cases.features.length);
    const loaded = progress.map((step) => step.loaded);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    const inBox = data.cases.features.filter(
      ({
        geometry: {
          coordinates: [x, y],
        },
      }) => x <= 112.845 && y <= 35.5,
    );
    expect(cases.features.map((feature) => feature.properties.id).sort()).toEqual(
      inBox.map((feature) => feature.properties.id).sort(),
    );
    expect(
      cases.features.every(
        ({
          geometry: {
            coordinates: [x, y],
          },
        }) => x <= 112.845 && y <= 35.5,
      ),
    ).toBe(true);
  });

  it('names the collections it found when the configured one is missing', async () => {
    const config = configOf(100);
    const grids = { ...config.sources.grids, provider: 'ogc' as const, options: { collection: 'wangge' } };
    const error = createDataSource({ ...config, sources: { ...config.sources, grids } }).grids({});
    await expect(error).rejects.toMatchObject({
      kind: 'config',
      layer: 'grids',
      reason: expect.stringContaining('regions, grids') as unknown,
    });
  });

  it('serves meta from the landing page and the regions collection extent', async () => {
    const meta = await createDataSource(configOf(100)).meta();
    expect(meta.name).toContain('MapServer');
    expect(meta.bbox).toEqual([112.8, 35.48, 112.88, 35.52]);
  });
});
