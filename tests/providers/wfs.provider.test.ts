import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../../src/data/data-source';
import type { LoadProgress } from '../../src/data/adapters/adapter';
import { runtimeConfigSchema, type RuntimeConfig } from '../../src/domain/runtime-config';
import { peerCity } from './fixtures/peer-city';
import { mapservMissing } from './peers/ogc-peer';
import type { PeerServer } from './peers/peer-server';
import { startWfsPeer } from './peers/wfs-peer';
import { featureServicePeer } from './feature-service-peer';
import { describeProviderContract, type ProviderPeer } from './provider.contract';
import { installXmlDom } from './xml-dom';

installXmlDom();

const token = 'wfs-secret-token';
const serverCap = 300;
const data = peerCity();
type WfsPeer = PeerServer & { base: string };
type PeerKind = 'geojson' | 'gml' | 'plain';
const peers: Partial<Record<PeerKind, WfsPeer>> = {};

beforeAll(async () => {
  // No skip: without MapServer the WFS adapter is untested, and that must be loud.
  const missing = mapservMissing();
  if (missing) throw new Error(missing);
  // A server cap below the cases' count, as city servers have, so pages follow the cap (CountDefault).
  [peers.geojson, peers.gml, peers.plain] = await Promise.all([
    startWfsPeer(data, token, { geojson: true, maxFeatures: serverCap }),
    startWfsPeer(data, token, { geojson: false, maxFeatures: serverCap }),
    // WFS 1.1 has no paging: a server that silently caps answers cannot be read whole (docs/providers.md).
    startWfsPeer(data, token, { geojson: false }),
  ]);
});
afterAll(async () => {
  await Promise.all(Object.values(peers).map((peer) => peer.close()));
});

const started = (kind: PeerKind) => {
  const peer = peers[kind];
  if (!peer) throw new Error('the MapServer WFS peer did not start');
  return peer;
};

const configOf = (kind: PeerKind, options: Record<string, unknown> = {}): RuntimeConfig => {
  const layer = {
    provider: 'wfs',
    url: started(kind).base,
    headers: { Authorization: `Bearer ${token}` },
    options: { pageSize: 400, ...options },
  };
  return runtimeConfigSchema.parse({
    api: { baseUrl: `${started(kind).origin}/api` },
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

const contractPeer = (kind: PeerKind, options: Record<string, unknown> = {}): ProviderPeer =>
  featureServicePeer(configOf(kind, options), data, token, () => started(kind));

describeProviderContract('wfs 2.0 GeoJSON (MapServer 8)', () => contractPeer('geojson'));
describeProviderContract('wfs 2.0 GML 3.2 (MapServer 8)', () => contractPeer('gml'));
describeProviderContract('wfs 1.1 GML 3.1 (MapServer 8)', () =>
  contractPeer('plain', { version: '1.1.0', maxFeatures: 5_000 }),
);

const requestsSince = (kind: PeerKind, before: number, typeName: string) =>
  started(kind)
    .requests.slice(before)
    .map((request) => new URL(request.url, 'http://127.0.0.1').searchParams)
    .filter(
      (params) => params.get('REQUEST') === 'GetFeature' && params.get('TYPENAMES') === `ms:${typeName}`,
    );

describe('wfs: formats, paging, CRS', () => {
  it('asks for GeoJSON where the server lists it, GML 3.2 where it does not', async () => {
    for (const kind of ['geojson', 'gml'] as const) {
      const before = started(kind).requests.length;
      await createDataSource(configOf(kind)).stations();
      const [request] = requestsSince(kind, before, 'stations');
      expect(request?.get('OUTPUTFORMAT') ?? 'GML', kind).toBe(
        kind === 'geojson' ? 'application/json; subtype=geojson' : 'GML',
      );
    }
  });

  it('pages through count/startIndex at the server cap and reports progress against numberMatched', async () => {
    const progress: LoadProgress[] = [];
    const before = started('gml').requests.length;
    const source = createDataSource(configOf('gml'), {
      onProgress: (step) => step.layer === 'cases' && progress.push(step),
    });
    const cases = await source.cases({ from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' });
    const pages = requestsSince('gml', before, 'cases');
    const total = data.cases.features.length;
    expect(pages.map((page) => page.get('STARTINDEX'))).toEqual(
      Array.from({ length: Math.ceil((total + 1) / serverCap) }, (_, index) => String(index * serverCap)),
    );
    expect(progress.at(-1)).toEqual({ layer: 'cases', loaded: total, total });
    expect(cases.features.map((feature) => feature.properties.id).sort()).toEqual(
      data.cases.features.map((feature) => feature.properties.id).sort(),
    );
  });

  it('refuses a WFS 1.1 answer that maxFeatures cut short instead of drawing part of the layer', async () => {
    const source = createDataSource(configOf('plain', { version: '1.1.0', maxFeatures: 100 }));
    await expect(
      source.cases({ from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' }),
    ).rejects.toMatchObject({
      kind: 'format',
      layer: 'cases',
      reason: expect.stringContaining('more than 100') as unknown,
    });
  });

  it.each(['EPSG:4490', 'EPSG:3857'] as const)(
    'reads GML in %s into the same WGS84 places (axis order and projection handled)',
    async (crs) => {
      const before = started('gml').requests.length;
      const grids = await createDataSource(configOf('gml', { crs })).grids({});
      expect(requestsSince('gml', before, 'grids')[0]?.get('SRSNAME')).toBe(
        `urn:ogc:def:crs:EPSG::${crs.slice(5)}`,
      );
      const expected = new Map(data.city.grids.features.map((grid) => [grid.properties.id, grid.geometry]));
      for (const grid of grids.features) {
        const truth = expected.get(grid.properties.id);
        const ring =
          grid.geometry.type === 'Polygon' ? grid.geometry.coordinates[0] : grid.geometry.coordinates[0]?.[0];
        const truthRing = truth?.type === 'Polygon' ? truth.coordinates[0] : truth?.coordinates[0]?.[0];
        expect(ring?.length).toBe(truthRing?.length);
        ring?.forEach(([x, y], index) => {
          const [tx = 0, ty = 0] = truthRing?.[index] ?? [];
          // MapServer writes six decimals (≈ 0.1 m); Web Mercator's round trip stays inside that.
          expect(Math.abs(x - tx)).toBeLessThan(2e-6);
          expect(Math.abs(y - ty)).toBeLessThan(2e-6);
        });
      }
      expect(grids.features.length).toBe(data.city.grids.features.length);
    },
  );

  it('names the feature types it found when the configured one is missing', async () => {
    const config = configOf('gml');
    const grids = { ...config.sources.grids, provider: 'wfs' as const, options: { typeName: 'wangge' } };
    await expect(
      createDataSource({ ...config, sources: { ...config.sources, grids } }).grids({}),
    ).rejects.toMatchObject({
      kind: 'config',
      layer: 'grids',
      reason: expect.stringContaining('ms:regions, ms:grids') as unknown,
    });
  });

  it('checks the property mapping against DescribeFeatureType and names what the type has', async () => {
    const config = configOf('geojson');
    const grids = {
      ...config.sources.grids,
      provider: 'wfs' as const,
      options: { properties: { name: 'GRID_NAME' } },
    };
    await expect(
      createDataSource({ ...config, sources: { ...config.sources, grids } }).grids({}),
    ).rejects.toMatchObject({
      kind: 'config',
      layer: 'grids',
      reason: expect.stringMatching(/no GRID_NAME \(it has: .*communityId/) as unknown,
    });
  });

  it('serves meta from the capabilities title and the regions type extent', async () => {
    const meta = await createDataSource(configOf('gml')).meta();
    expect(meta.name).toContain('MapServer WFS');
    const [west, south, east, north] = meta.bbox;
    expect(west).toBeCloseTo(112.8, 4);
    expect(south).toBeCloseTo(35.48, 4);
    expect(east).toBeCloseTo(112.88, 4);
    expect(north).toBeCloseTo(35.52, 4);
  });
});
