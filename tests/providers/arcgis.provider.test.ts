import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../../src/data/data-source';
import { runtimeConfigSchema, type RuntimeConfig } from '../../src/domain/runtime-config';
import { peerCity } from './fixtures/peer-city';
import { startKoopPeer } from './peers/koop-peer';
import type { PeerServer } from './peers/peer-server';
import { featureServicePeer } from './feature-service-peer';
import { describeProviderContract, type ProviderPeer } from './provider.contract';

const token = 'arcgis-secret-token';
const maxRecordCount = 250;
const data = peerCity();
let peer: (PeerServer & { layerUrl(layer: string): string }) | undefined;

beforeAll(async () => {
  peer = await startKoopPeer(data, token, maxRecordCount);
});
afterAll(async () => {
  await peer?.close();
});

const started = () => {
  if (!peer) throw new Error('the Koop peer did not start');
  return peer;
};

const configOf = (options: Record<string, unknown> = {}): RuntimeConfig => {
  const layer = (name: string) => ({
    provider: 'arcgis',
    url: started().layerUrl(name),
    headers: { Authorization: `Bearer ${token}` },
    options,
  });
  return runtimeConfigSchema.parse({
    api: { baseUrl: `${started().origin}/api` },
    sources: {
      regions: layer('regions'),
      grids: layer('grids'),
      cameras: layer('cameras'),
      stations: layer('stations'),
      cases: layer('cases'),
      indicators: layer('cases'),
    },
  });
};

const contractPeer = (options: Record<string, unknown>): ProviderPeer =>
  featureServicePeer(configOf(options), data, token, started);

describeProviderContract('arcgis FeatureServer, f=geojson (Koop)', () => contractPeer({}));
describeProviderContract('arcgis FeatureServer, Esri JSON (Koop)', () => contractPeer({ format: 'json' }));

const queries = (before: number, layer: string) =>
  started()
    .requests.slice(before)
    .map((request) => new URL(request.url, 'http://127.0.0.1'))
    .filter((url) => url.pathname.endsWith(`/${layer}/FeatureServer/0/query`))
    .map((url) => url.searchParams);

describe('arcgis: paging and formats', () => {
  it.each([{}, { format: 'json' }])(
    'pages by resultOffset at the layer maxRecordCount until exceededTransferLimit is false (%o)',
    async (options) => {
      const before = started().requests.length;
      const cases = await createDataSource(configOf(options)).cases({
        from: '2000-01-01T00:00:00Z',
        to: '2100-01-01T00:00:00Z',
      });
      const pages = queries(before, 'cases');
      const total = data.cases.features.length;
      expect(pages.map((page) => page.get('resultOffset'))).toEqual(
        Array.from({ length: Math.ceil(total / maxRecordCount) }, (_, index) =>
          String(index * maxRecordCount),
        ),
      );
      expect(new Set(pages.map((page) => page.get('resultRecordCount')))).toEqual(
        new Set([String(maxRecordCount)]),
      );
      expect(new Set(pages.map((page) => page.get('f')))).toEqual(
        new Set([options.format === 'json' ? 'json' : 'geojson']),
      );
      expect(cases.features.map((feature) => feature.properties.id).sort()).toEqual(
        data.cases.features.map((feature) => feature.properties.id).sort(),
      );
    },
  );

  it('sends where, outFields and the envelope to the server', async () => {
    const before = started().requests.length;
    const cameras = await createDataSource(
      configOf({ where: "status = 'online'", outFields: ['id', 'name', 'status', 'purpose', 'gridId'] }),
    ).cameras({ bbox: [112.8, 35.48, 112.845, 35.5] });
    const [query] = queries(before, 'cameras');
    expect(query?.get('where')).toBe("status = 'online'");
    expect(query?.get('outFields')).toBe('id,name,status,purpose,gridId');
    expect(query?.get('geometry')).toBe('112.8,35.48,112.845,35.5');
    const expected = data.city.cameras.features.filter(
      ({
        properties,
        geometry: {
          coordinates: [x, y],
        },
      }) => properties.status === 'online' && x >= 112.8 && x <= 112.845 && y >= 35.48 && y <= 35.5,
    );
    expect(cameras.features.map((camera) => camera.properties.id).sort()).toEqual(
      expected.map((camera) => camera.properties.id).sort(),
    );
  });

  it('refuses a service URL that names no layer', async () => {
    const config = configOf();
    const grids = {
      ...config.sources.grids,
      provider: 'arcgis' as const,
      url: `${started().origin}/x/FeatureServer`,
    };
    await expect(
      createDataSource({ ...config, sources: { ...config.sources, grids } }).grids({}),
    ).rejects.toMatchObject({
      kind: 'config',
      layer: 'grids',
    });
  });
});
