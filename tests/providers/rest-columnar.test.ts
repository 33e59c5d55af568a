import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from '../../mocks/node';
import { cameraStatuses } from '../../src/domain/points';
import { runtimeConfigSchema } from '../../src/domain/runtime-config';
import { createDataSource } from '../../src/data/data-source';
import { DataError } from '../../src/data/data-error';
import { CaseColumns } from '../../src/live/case-columns';
import { columnarMediaType } from '../../src/geo/columnar/points-columnar';
import { decodePointsColumnar } from '../../src/geo/columnar/points-columnar.decode';
import { encodePointsColumnar } from '../../src/geo/columnar/points-columnar.encode';
import { peerCity, peerNow } from './fixtures/peer-city';

/** The rest provider's columnar cameras against the MSW mock: negotiation, the same cameras, refusals. */
const baseUrl = 'http://rest.columnar.test/api';
const data = peerCity();
const { server } = createMockServer({ city: data.city, baseUrl, now: () => peerNow, casesPerYear: 200 });
const accepts: (string | null)[] = [];
server.events.on('request:start', ({ request }) => accepts.push(request.headers.get('accept')));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const source = () => createDataSource(runtimeConfigSchema.parse({ api: { baseUrl } }));

describe('rest cases, columnar (server side)', () => {
  it('answers the same window as columns when asked, GeoJSON otherwise', async () => {
    const from = new Date(peerNow.getTime() - 120 * 86_400_000).toISOString();
    const url = `${baseUrl}/cases?from=${encodeURIComponent(from)}`;
    const geojson = (await (await fetch(url)).json()) as {
      features: { properties: { id: string; status: string; reportedAt: string; gridId: string | null } }[];
    };
    const response = await fetch(url, { headers: { Accept: columnarMediaType } });
    expect(response.headers.get('content-type')).toBe(columnarMediaType);
    const columns = decodePointsColumnar(await response.arrayBuffer());
    expect(geojson.features.length).toBeGreaterThan(0);
    expect(columns.count).toBe(geojson.features.length);
    const status = columns.columns.get('status');
    const reportedAt = columns.columns.get('reportedAt');
    if (status?.kind !== 'category' || reportedAt?.kind !== 'timestamp') throw new Error('missing columns');
    geojson.features.forEach(({ properties }, index) => {
      expect(columns.id(index)).toBe(properties.id);
      expect(status.dictionary[status.codes[index] ?? 255]).toBe(properties.status);
      expect(reportedAt.values[index]).toBe(Date.parse(properties.reportedAt));
    });
  });
});

describe('rest cases, columnar (client side)', () => {
  const from = new Date(peerNow.getTime() - 120 * 86_400_000).toISOString();
  const query = { from, to: new Date(peerNow.getTime() + 86_400_000).toISOString() };

  it('asks for the columnar type and builds the same live columns as the GeoJSON answer', async () => {
    accepts.length = 0;
    const answer = await source().caseColumns?.(query);
    expect(accepts[0]).toContain(columnarMediaType);
    if (answer?.kind !== 'columns') throw new Error('expected columns');
    const geojson = await source().cases(query);
    expect(geojson.features.length).toBeGreaterThan(0);
    const gridIds = data.city.grids.features.map((grid) => grid.properties.id);
    const expected = CaseColumns.from(geojson.features, gridIds);
    const actual = CaseColumns.fromWire(answer.wire, gridIds);
    expect(actual.count).toBe(expected.count);
    for (let row = 0; row < expected.count; row += 1)
      expect(actual.caseAt(row)).toEqual({ ...expected.caseAt(row), title: null });
    expect(actual.positions.subarray(0, actual.count * 2)).toEqual(
      expected.positions.subarray(0, expected.count * 2),
    );
  });

  it('reads a few cases by id (their titles), within the window', async () => {
    const all = await source().cases(query);
    const wanted = all.features.slice(1, 4).map((feature) => feature.properties.id);
    const some = await source().cases({ ...query, ids: [...wanted, 'no-such-case'] });
    expect(some.features.map((feature) => feature.properties.id).sort()).toEqual([...wanted].sort());
    expect(some.features.every((feature) => feature.properties.title.length > 0)).toBe(true);
    const tooMany = Array.from({ length: 201 }, (_, index) => `C${index}`).join(',');
    const response = await fetch(`${baseUrl}/cases?ids=${tooMany}`);
    expect(response.status).toBe(400);
  });

  it('takes a GeoJSON answer from a server that ignores the columnar type', async () => {
    server.use(
      http.get(`${baseUrl}/cases`, () => HttpResponse.json({ type: 'FeatureCollection', features: [] }), {
        once: true,
      }),
    );
    const answer = await source().caseColumns?.(query);
    expect(answer).toEqual({ kind: 'features', collection: { type: 'FeatureCollection', features: [] } });
  });

  it('rejects a buffer with an unknown status as a cases format error', async () => {
    const bad = encodePointsColumnar({
      crs: 'wgs84',
      positionType: 'float64',
      positions: [112.85, 35.49],
      ids: ['x'],
      columns: [{ name: 'status', kind: 'category', values: ['asleep'] }],
    });
    server.use(
      http.get(
        `${baseUrl}/cases`,
        () => new HttpResponse(bad, { headers: { 'Content-Type': columnarMediaType } }),
        {
          once: true,
        },
      ),
    );
    const error: unknown = await source()
      .caseColumns?.(query)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({ layer: 'cases', kind: 'format' });
    expect((error as DataError).reason).toContain('"asleep"');
  });
});

describe('rest cameras, columnar', () => {
  it('asks for the columnar type and gets the same cameras as the GeoJSON answer', async () => {
    accepts.length = 0;
    const columns = await source().cameraColumns?.({});
    expect(accepts[0]).toContain(columnarMediaType);
    const geojson = await source().cameras({});
    const features = geojson.features;
    expect(columns?.count).toBe(features.length);
    expect(features.length).toBeGreaterThan(0);
    if (!columns) throw new Error('expected columns');
    features.forEach(({ properties }, index) => {
      expect(columns.id(index)).toBe(properties.id);
      expect(columns.name(index)).toBe(properties.name);
      expect(cameraStatuses[columns.status[index] ?? 9]).toBe(properties.status);
      const row = columns.gridIndex[index] ?? -1;
      expect(row < 0 ? null : columns.gridIds[row]).toBe(properties.gridId);
    });
  });

  it('keeps GeoJSON the default answer', async () => {
    const response = await fetch(`${baseUrl}/cameras`);
    expect(response.headers.get('content-type')).toContain('json');
    const asked = await fetch(`${baseUrl}/cameras`, { headers: { Accept: columnarMediaType } });
    expect(asked.headers.get('content-type')).toBe(columnarMediaType);
  });

  it('takes a GeoJSON answer from a server that ignores the columnar type', async () => {
    server.use(
      http.get(`${baseUrl}/cameras`, () => HttpResponse.json({ type: 'FeatureCollection', features: [] }), {
        once: true,
      }),
    );
    const columns = await source().cameraColumns?.({});
    expect(columns?.count).toBe(0);
    expect(columns?.crs).toBeNull();
  });

  it('rejects a buffer with an unknown status as a cameras format error', async () => {
    const bad = encodePointsColumnar({
      crs: 'wgs84',
      positionType: 'float32',
      positions: [112.85, 35.49],
      ids: ['x'],
      columns: [
        { name: 'status', kind: 'category', values: ['asleep'] },
        { name: 'purpose', kind: 'category', values: ['road'] },
      ],
    });
    server.use(
      http.get(
        `${baseUrl}/cameras`,
        () => new HttpResponse(bad, { headers: { 'Content-Type': columnarMediaType } }),
        { once: true },
      ),
    );
    const error: unknown = await source()
      .cameraColumns?.({})
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({ layer: 'cameras', kind: 'format' });
    expect((error as DataError).reason).toContain('"asleep"');
  });
});
