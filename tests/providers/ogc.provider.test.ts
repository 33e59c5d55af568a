import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../../src/data/data-source';
import type { LoadProgress } from '../../src/data/adapters/adapter';
import type { DataError } from '../../src/data/data-error';
import { runtimeConfigSchema } from '../../src/domain/runtime-config';
import { peerCity } from './fixtures/peer-city';
import { mapservMissing, startOgcPeer } from './peers/ogc-peer';
import type { PeerServer } from './peers/peer-server';
import { featureServicePeer } from './feature-service-peer';
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

const configOf = (limit: number, server: PeerServer & { base: string } = started()) => {
  const layer = {
    provider: 'ogc',
    url: server.base,
    headers: { Authorization: `Bearer ${token}` },
    options: { limit },
  };
  return runtimeConfigSchema.parse({
    api: { baseUrl: `${server.origin}/api` },
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

describeProviderContract('ogc (MapServer 8, OGC API – Features)', () =>
  featureServicePeer(configOf(500), data, token, started),
);

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

describe('ogc: servers that are stricter than the client expects', () => {
  it('asks again below the maximum a server names when it refuses a larger limit with 400: every grid arrives', async () => {
    const strict = await startOgcPeer(data, token, { refuseLimitAbove: 150 });
    try {
      const grids = await createDataSource(configOf(500, strict)).grids({});
      expect(grids.features.map((grid) => grid.properties.id).sort()).toEqual(
        data.city.grids.features.map((grid) => grid.properties.id).sort(),
      );
      const pages = strict.requests
        .filter((request) => request.url.includes('/collections/grids/items'))
        .map((request) => new URL(request.url, strict.origin).searchParams.get('limit'));
      // One refused page at 500, then pages of the server's 150, no more than the grids need.
      expect(pages[0]).toBe('500');
      expect(pages.slice(1).every((limit) => limit === '150')).toBe(true);
      expect(pages.length - 1).toBe(Math.ceil(data.city.grids.features.length / 150));
    } finally {
      await strict.close();
    }
  });

  it("does not follow next links to another host (a proxy's internal one); the alert names both hosts", async () => {
    const proxied = await startOgcPeer(data, token, {
      onlineResource: 'http://10.0.0.7:8080/gridboard/ogcapi',
    });
    try {
      const failure = await createDataSource(configOf(5, proxied))
        .grids({})
        .then(
          () => null,
          (error: unknown) => error as DataError,
        );
      expect(failure?.kind).toBe('config');
      expect(failure?.detail).toEqual({
        code: 'foreign-next',
        nextHost: '10.0.0.7:8080',
        sourceHost: new URL(proxied.origin).host,
      });
      // The first page once, nothing in a loop.
      const pages = proxied.requests.filter((request) => request.url.includes('/collections/grids/items'));
      expect(pages.length).toBe(1);
    } finally {
      await proxied.close();
    }
  });
});
