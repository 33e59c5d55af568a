// @vitest-environment jsdom
// jsdom for its DOMParser (KML); the app uses the browser's.
import { afterAll, beforeAll } from 'vitest';
import { runtimeConfigSchema } from '../../src/domain/runtime-config';
import { peerCity, peerNow } from './fixtures/peer-city';
import { cameraStatusWords, startFilesPeer } from './peers/files-peer';
import type { PeerServer } from './peers/peer-server';
import { describeProviderContract } from './provider.contract';
import { asFeatureServiceSees } from './feature-service-peer';

const token = 'files-secret-token';
const data = peerCity();
let peer: PeerServer;

beforeAll(async () => {
  peer = await startFilesPeer(data, token);
});
afterAll(() => peer.close());

const recode = Object.fromEntries(Object.entries(cameraStatusWords).map(([code, word]) => [word, code]));

describeProviderContract('files (GeoJSON, CSV, KML)', () => {
  const file = (name: string) => ({
    provider: 'files' as const,
    url: `${peer.origin}/files/${name}`,
    headers: { Authorization: `Bearer ${token}` },
  });
  return {
    config: runtimeConfigSchema.parse({
      api: { baseUrl: `${peer.origin}/api` },
      sources: {
        regions: file('regions.geojson'),
        grids: file('grids.geojson'),
        cameras: {
          ...file('cameras.csv'),
          options: {
            longitude: '经度',
            latitude: '纬度',
            properties: { id: '编号', name: '名称', status: '状态', purpose: '用途', gridId: '网格' },
            values: { status: recode },
          },
        },
        stations: file('stations.kml'),
        cases: file('cases.geojson'),
        indicators: file('cases.geojson'),
      },
    }),
    layers: ['regions', 'grids', 'cameras', 'stations', 'cases'],
    truth: { ...data.city, cases: asFeatureServiceSees(data.cases) },
    refuses: ['indicators'],
    caseWindow: {
      from: new Date(peerNow.getTime() - 40 * 86_400_000).toISOString(),
      to: peerNow.toISOString(),
    },
    bbox: [112.8, 35.48, 112.845, 35.5],
    token,
    requests: () => peer.requests,
    failNext: (mode) => peer.failNext(mode),
  };
});
