import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decodeCameraColumns } from '../../src/contract/columnar/camera-columns.decode';
import { decodeCaseColumns } from '../../src/contract/columnar/case-columns.decode';
import { columnarMediaType } from '../../src/geo/columnar/points-columnar';
import { createMockServer, demoCityPath, loadDemoCity } from '../../mocks/node';
import { startServer, writerClient } from './server-harness';

/**
 * The server answers what the mock answers: the mock on the same demo city, its clock stopped at the moment the
 * database was seeded, against the server over that database. Windows end before the seed, so cases the other
 * files stream in later do not enter.
 */
const mockBase = 'http://mock.test/api';
const hour = 3_600_000;
let app: FastifyInstance;
let serverBase = '';
let closeMock: () => void = () => undefined;

beforeAll(async () => {
  const seededAt = inject('seededAt');
  const { server } = createMockServer({
    city: await loadDemoCity(demoCityPath),
    baseUrl: mockBase,
    now: () => new Date(seededAt),
  });
  server.listen({ onUnhandledRequest: 'bypass' });
  closeMock = () => server.close();
  ({ app, baseUrl: serverBase } = await startServer());
});
afterAll(async () => {
  closeMock();
  await app.close();
});

async function both(path: string, accept = 'application/json') {
  const read = async (base: string) => {
    const response = await fetch(`${base}${path}`, { headers: { accept } });
    expect(response.status, `${base}${path}`).toBe(200);
    return response;
  };
  return Promise.all([read(mockBase), read(serverBase)]);
}

async function bothJson(path: string): Promise<[unknown, unknown]> {
  const [mock, server] = await both(path);
  return [await mock.json(), await server.json()];
}

const windowOf = (days: number) => {
  const to = inject('seededAt') - hour;
  return `from=${encodeURIComponent(new Date(to - days * 86_400_000).toISOString())}&to=${encodeURIComponent(new Date(to).toISOString())}`;
};

describe('the reference server answers what the mock answers', () => {
  it('regions, stations and cameras', async () => {
    for (const path of ['/regions', '/stations', '/cameras', '/cameras?bbox=112.8,35.45,112.9,35.55']) {
      const [mock, server] = await bothJson(path);
      expect(server, path).toEqual(mock);
    }
  });

  it('grids, but for the communities whose plans other files have saved', async () => {
    const [mock, server] = (await bothJson('/grids')) as [
      { features: { properties: { communityId: string } }[] },
      { features: { properties: { communityId: string } }[] },
    ];
    const writer = await writerClient();
    const saved = new Set(
      (await writer.query<{ id: string }>('SELECT DISTINCT community_id AS id FROM grid_saves')).rows.map(
        (row) => row.id,
      ),
    );
    await writer.end();
    const unsaved = (body: typeof mock) =>
      body.features.filter((feature) => !saved.has(feature.properties.communityId));
    expect(unsaved(server).length).toBeGreaterThan(4000);
    expect(unsaved(server)).toEqual(unsaved(mock));
  });

  it('cases of a month, with filters, as GeoJSON and as columns', async () => {
    for (const query of [
      windowOf(30),
      `${windowOf(60)}&status=handling,feedback&category=dispute,property`,
      `${windowOf(30)}&region=140502`,
      `${windowOf(30)}&bbox=112.8,35.45,112.9,35.55`,
    ]) {
      const [mock, server] = await bothJson(`/cases?${query}`);
      expect((server as { features: unknown[] }).features.length, query).toBeGreaterThan(0);
      expect(server, query).toEqual(mock);
    }
    const [mockColumns, serverColumns] = await both(`/cases?${windowOf(30)}`, columnarMediaType);
    expect(serverColumns.headers.get('content-type')).toBe(columnarMediaType);
    const fromMock = decodeCaseColumns(await mockColumns.arrayBuffer());
    const fromServer = decodeCaseColumns(await serverColumns.arrayBuffer());
    expect(fromServer.count).toBeGreaterThan(0);
    expect(fromServer).toEqual(fromMock);
    const [mockCameras, serverCameras] = await both('/cameras', columnarMediaType);
    expect(decodeCameraColumns(await serverCameras.arrayBuffer())).toEqual(
      decodeCameraColumns(await mockCameras.arrayBuffer()),
    );
  });

  it('indicators of the city, a district, a community and a grid: figures, series and children', async () => {
    const [mockGrids] = (await bothJson('/grids')) as [
      { features: { properties: { id: string; communityId: string } }[] },
      unknown,
    ];
    const grid = mockGrids.features[0]?.properties;
    for (const query of [
      `${windowOf(90)}&interval=week`,
      `region=140502&${windowOf(30)}&interval=day`,
      `region=${grid?.communityId}&${windowOf(120)}&interval=month`,
      `region=${grid?.id}&${windowOf(30)}&interval=week`,
    ]) {
      const [mock, server] = (await bothJson(`/indicators?${query}`)) as [
        Record<string, unknown>,
        Record<string, unknown>,
      ];
      expect({ ...server, dataTime: null }, query).toEqual({ ...mock, dataTime: null });
    }
  });
});
