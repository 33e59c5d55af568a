import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decodeCameraColumns } from '../../src/contract/columnar/camera-columns.decode';
import { decodeCaseColumns } from '../../src/contract/columnar/case-columns.decode';
import { columnarMediaType } from '../../src/geo/columnar/points-columnar';
import { createMockServer, demoCityPath, loadDemoCity } from '../../mocks/node';
import { WorkerStore } from '../../mocks/workers/worker-store';
import { aroundSeed } from '../../server/dev/seeded-database';
import type { DemoCity } from '../../mocks/demo-city';
import { chinaDayStart, formatChinaDay, formatChinaTime } from '../../src/domain/china-time';
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
let city: DemoCity;

beforeAll(async () => {
  const seededAt = inject('seededAt');
  city = await loadDemoCity(demoCityPath);
  const { server } = createMockServer({
    city,
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

  it('grid workers: the roster, the positions at the same minute, and today’s tracks from the seeded window', async () => {
    const savedCommunities = async () => {
      const writer = await writerClient();
      const { rows } = await writer.query<{ id: string }>(
        'SELECT DISTINCT community_id AS id FROM grid_saves',
      );
      await writer.end();
      return new Set(rows.map((row) => row.id));
    };
    const communityOf = new Map(
      city.grids.features.map((grid) => [
        grid.properties.id as string,
        grid.properties.communityId as string,
      ]),
    );
    const [mockRoster, serverRoster] = (await bothJson('/workers')) as [
      { workers: { id: string; gridIds: string[] }[] },
      { workers: { id: string; gridIds: string[] }[] },
    ];
    // A plan another file saved hands its community's workers to new grids on the server only.
    const saved = await savedCommunities();
    const untouched = (body: typeof mockRoster) =>
      body.workers.filter((worker) => !worker.gridIds.some((id) => saved.has(communityOf.get(id) ?? id)));
    expect(untouched(serverRoster).length).toBeGreaterThan(4_500);
    expect(untouched(serverRoster)).toEqual(untouched(mockRoster));

    // Positions now: the server's at its own clock, the mock's (a store of its own) at the same minute.
    const store = new WorkerStore(city.grids.features, city.generator.seed);
    const minute = 60_000;
    let asked = 0;
    let answer: unknown;
    for (let tries = 0; tries < 3; tries += 1) {
      asked = Date.now();
      answer = await (await fetch(`${serverBase}/workers/positions`)).json();
      if (Math.floor(Date.now() / minute) === Math.floor(asked / minute)) break;
    }
    const expected = store.positions(asked).map(({ worker, position, at }) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: position },
      properties: { id: worker.id, at: formatChinaTime(at), onDuty: worker.onDuty },
    }));
    expect(answer).toEqual({ type: 'FeatureCollection', features: expected });

    // Today's tracks hold the seeded window: each worker's latest fix at its start, then every fix after it.
    const window = aroundSeed(inject('seededAt'));
    const start = store.positions(window.from);
    const day = formatChinaDay(asked);
    const onDuty = start.filter(({ worker }) => worker.onDuty).slice(0, 5);
    expect(onDuty).toHaveLength(5);
    for (const { worker, at } of onDuty) {
      // Fixes up to two minutes ago: both have them whichever side of a minute each is asked on.
      const cutoff = Date.now() - 2 * minute;
      const mockTrack = store.track(worker.id, chinaDayStart(asked), cutoff) ?? [];
      const track = (await (await fetch(`${serverBase}/workers/${worker.id}/track?date=${day}`)).json()) as {
        points: { at: string; position: number[] }[];
      };
      expect(
        track.points.filter((point) => Date.parse(point.at) < cutoff),
        worker.id,
      ).toEqual(
        mockTrack
          .filter((fix) => fix.at >= at)
          .map((fix) => ({ position: fix.position, at: formatChinaTime(fix.at) })),
      );
    }
  });
});
