import { VectorTile } from '@mapbox/vector-tile';
import pg from 'pg';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridsSchema, indicatorsSchema, regionsSchema } from '../../src/contract/schemas/contract.schema';
import { parseFrames, type StreamEvent } from '../contract/contract-client';
import {
  district,
  insertCaseIn,
  otherDistrict,
  startAccessFixture,
  type AccessFixture,
  type Who,
} from './access-fixture';
import { writerClient } from './server-harness';

/**
 * A district leader signed in at a real OpenID Connect provider sees his district only, whatever he asks for:
 * every answer is compared with what the database holds under his district (SQL as the owner), and the
 * requests he crafts for another district's ids, box, tiles and stream get 403 or nothing.
 */
let fixture: AccessFixture;
let db: pg.Client;

beforeAll(async () => {
  fixture = await startAccessFixture();
  db = await writerClient();
});

afterAll(async () => {
  await db.end();
  await fixture.stop();
});

const json = async <T>(response: Response): Promise<T> => {
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
};

/** Ids the owner finds in a district (grids, cases) by the region path, independently of the policies. */
async function gridIdsIn(region: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    'SELECT g.id FROM grids g JOIN regions r ON r.id = g.community_id WHERE $1 = ANY (r.path) ORDER BY g.id',
    [region],
  );
  return rows.map((row) => row.id);
}

async function caseIdsIn(region: string, limit = 50): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT c.id FROM cases c JOIN grids g ON g.id = c.grid_id JOIN regions r ON r.id = g.community_id
     WHERE $1 = ANY (r.path) ORDER BY c.reported_at DESC LIMIT $2`,
    [region, limit],
  );
  return rows.map((row) => row.id);
}

const sorted = (ids: Iterable<string>) => [...ids].sort();

describe('a district leader', () => {
  it('reads exactly his district: regions, grids, and the cases of a month, as the database holds them', async () => {
    const regions = regionsSchema.parse(await json(await fixture.as('district', '/regions')));
    const { rows } = await db.query<{ id: string }>('SELECT id FROM regions WHERE $1 = ANY (path)', [
      district,
    ]);
    expect(sorted(regions.features.map((f) => f.properties.id))).toEqual(sorted(rows.map((r) => r.id)));

    const grids = gridsSchema.parse(await json(await fixture.as('district', '/grids')));
    expect(sorted(grids.features.map((f) => f.properties.id))).toEqual(await gridIdsIn(district));

    const to = new Date().toISOString();
    const from = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const cases = await json<{ features: { properties: { id: string } }[] }>(
      await fixture.as('district', `/cases?from=${from}&to=${to}`),
    );
    const expected = await db.query<{ id: string }>(
      `SELECT c.id FROM cases c JOIN grids g ON g.id = c.grid_id JOIN regions r ON r.id = g.community_id
       WHERE $1 = ANY (r.path) AND c.reported_at >= $2 AND c.reported_at < $3`,
      [district, from, to],
    );
    expect(expected.rows.length).toBeGreaterThan(0);
    expect(sorted(cases.features.map((f) => f.properties.id))).toEqual(
      sorted(expected.rows.map((r) => r.id)),
    );
  });

  it('gets nothing for another district’s case ids or box, and 403 for its region or community', async () => {
    const theirs = await caseIdsIn(otherDistrict);
    expect(theirs.length).toBeGreaterThan(0);
    const byIds = await json<{ features: unknown[] }>(
      await fixture.as('district', `/cases?ids=${theirs.join(',')}&from=2000-01-01T00:00:00Z`),
    );
    expect(byIds.features).toEqual([]);
    // The city leader asking the same gets them: the ids are real.
    const cityByIds = await json<{ features: unknown[] }>(
      await fixture.as('city', `/cases?ids=${theirs.join(',')}&from=2000-01-01T00:00:00Z`),
    );
    expect(cityByIds.features).toHaveLength(theirs.length);

    const { rows } = await db.query<{ box: number[] }>(
      `SELECT ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)] AS box
       FROM (SELECT ST_Extent(geom)::geometry AS e FROM regions WHERE id = $1) x`,
      [otherDistrict],
    );
    const box = rows[0]?.box.join(',') ?? '';
    const theirGrids = gridsSchema.parse(await json(await fixture.as('district', `/grids?bbox=${box}`)));
    const mine = new Set(await gridIdsIn(district));
    expect(theirGrids.features.filter((f) => !mine.has(f.properties.id))).toEqual([]);
    const cityGrids = gridsSchema.parse(await json(await fixture.as('city', `/grids?bbox=${box}`)));
    expect(cityGrids.features.length).toBeGreaterThan(0);

    const community = await db.query<{ id: string }>(
      `SELECT id FROM regions WHERE level = 'community' AND $1 = ANY (path) LIMIT 1`,
      [otherDistrict],
    );
    for (const path of [
      `/cases?region=${otherDistrict}`,
      `/indicators?region=${otherDistrict}`,
      `/grids?community=${community.rows[0]?.id ?? ''}`,
    ]) {
      const response = await fixture.as('district', path);
      expect(response.status, path).toBe(403);
      expect(((await response.json()) as { error: string }).error).toBe('out_of_scope');
    }
  });

  it('sees indicators that roll up his district only, equal to the city leader’s figures for it', async () => {
    const period = 'from=2026-01-01T00:00:00%2B08:00&to=2026-12-01T00:00:00%2B08:00&interval=month';
    const own = indicatorsSchema.parse(await json(await fixture.as('district', `/indicators?${period}`)));
    expect(own.region.id).toBe(district);
    const seenByCity = indicatorsSchema.parse(
      await json(await fixture.as('city', `/indicators?region=${district}&${period}`)),
    );
    expect(own.figures).toEqual(seenByCity.figures);
    expect(own.children).toEqual(seenByCity.children);
    const cityTotal = indicatorsSchema.parse(await json(await fixture.as('city', `/indicators?${period}`)));
    expect(cityTotal.figures.casesReported).toBeGreaterThan(own.figures.casesReported);
  });

  it('gets empty grid and region tiles over another district, where the city leader’s hold features', async () => {
    const { rows } = await db.query<{ lng: number; lat: number }>(
      'SELECT ST_X(p) AS lng, ST_Y(p) AS lat FROM (SELECT ST_PointOnSurface(geom) AS p FROM regions WHERE id = $1) x',
      [otherDistrict],
    );
    const { lng = 0, lat = 0 } = rows[0] ?? {};
    const z = 10;
    const x = Math.floor(((lng + 180) / 360) * 2 ** z);
    const rad = (lat * Math.PI) / 180;
    const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
    const layerSize = async (who: Who, layer: 'grids' | 'regions') => {
      const response = await fixture.as(who, `/tiles/${layer}/${z}/${x}/${y}.mvt`);
      expect(response.status).toBe(200);
      const tile = new VectorTile(new PbfReader(await response.arrayBuffer()));
      const features = tile.layers[layer];
      const ids: string[] = [];
      for (let i = 0; i < (features?.length ?? 0); i += 1)
        ids.push(String(features?.feature(i).properties.id));
      return ids;
    };
    expect((await layerSize('city', 'grids')).length).toBeGreaterThan(0);
    expect((await layerSize('city', 'regions')).length).toBeGreaterThan(0);
    const mine = new Set(await gridIdsIn(district));
    expect((await layerSize('district', 'grids')).filter((id) => !mine.has(id))).toEqual([]);
    const regionIds = await layerSize('district', 'regions');
    const { rows: own } = await db.query<{ id: string }>('SELECT id FROM regions WHERE $1 = ANY (path)', [
      district,
    ]);
    const ownRegions = new Set(own.map((row) => row.id));
    expect(regionIds.filter((id) => !ownRegions.has(id))).toEqual([]);
  });

  it('streams the cases of his district and not another’s, which the city leader’s stream carries', async () => {
    const streams = {
      district: openStream(fixture, 'district'),
      city: openStream(fixture, 'city'),
    };
    try {
      // Both streams live: each has received a case of the district written after it connected.
      const warmUp: string[] = [];
      while (
        ![streams.district, streams.city].every((stream) => warmUp.some((id) => stream.ids().includes(id)))
      ) {
        warmUp.push(await insertCaseIn(db, district));
        const latest = warmUp.at(-1) ?? '';
        await streams.city.until((ids) => ids.includes(latest), 500).catch(() => undefined);
      }
      const theirs = await insertCaseIn(db, otherDistrict);
      const ours = await insertCaseIn(db, district);
      await streams.city.until((ids) => ids.includes(theirs) && ids.includes(ours));
      // Events leave in order: once ours has arrived, theirs (written before) would have too.
      await streams.district.until((ids) => ids.includes(ours));
      expect(streams.district.ids()).not.toContain(theirs);
      expect(streams.city.ids().indexOf(theirs)).toBeLessThan(streams.city.ids().indexOf(ours));
    } finally {
      streams.district.close();
      streams.city.close();
    }
  });
});

/** A stream read as `who`: the case ids received so far, and a wait for a condition on them. */
function openStream(fixture: AccessFixture, who: Who) {
  const controller = new AbortController();
  const events: StreamEvent[] = [];
  const waiters = new Set<() => void>();
  const ids = () =>
    events.map((event) => (JSON.parse(event.data) as { properties: { id: string } }).properties.id);
  void (async () => {
    const response = await fixture.as(who, '/cases/stream', { signal: controller.signal });
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    while (reader) {
      const chunk = await reader.read();
      if (chunk.done) break;
      const parsed = parseFrames(buffer + chunk.value);
      buffer = parsed.rest;
      events.push(...parsed.events);
      waiters.forEach((wake) => wake());
    }
  })().catch(() => undefined);
  return {
    ids,
    until: (done: (ids: string[]) => boolean, timeoutMs = 20_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${who}'s stream: timed out`));
        }, timeoutMs);
        const check = () => {
          if (!done(ids())) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      }),
    close: () => controller.abort(),
  };
}
