import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { gridsSchema } from '../../src/contract/schemas/contract.schema';
import { district, gridCommunity, users, type AccessFixture } from './access-fixture';
import { mergeFirstTwo } from './server-harness';

/**
 * The grid workers on the server (migration 0010, server/src/routes/workers.ts): who gets names and phones, whose
 * workers each scope sees, the refusals with their codes, and a plan save's hand-over. Expected figures are read as
 * the owner with plain SQL (no policy applies to it), not through the server's queries. Run by
 * access-roles.server.test.ts on its signed-in users and its copy of the city (a provider and six sign-ins fewer).
 */
/** What the checks read: the access fixture (on a copy of the city: the planner's merge changes it) and the copy. */
export interface WorkersAccessContext {
  fixture: AccessFixture;
  db: pg.Client;
}

interface RosterEntry {
  id: string;
  name: string;
  phone?: string;
  gridIds: string[];
}
const rosterOf = async (response: Response) => {
  expect(response.status).toBe(200);
  return ((await response.json()) as { workers: RosterEntry[] }).workers;
};
/** A public notice's name: the surname, a star for every other character. */
const masked = (name: string) => {
  const [first = '', ...rest] = Array.from(name);
  return rest.length === 0 ? '*'.repeat(first.length > 0 ? 1 : 0) : `${first}${'*'.repeat(rest.length)}`;
};

export function describeWorkersAccess(context: () => WorkersAccessContext): void {
  // Read when a test runs: the context is filled in by the caller's beforeAll.
  const fixture = { as: (...args: Parameters<AccessFixture['as']>) => context().fixture.as(...args) };
  const db = {
    query: ((...args: Parameters<pg.Client['query']>) =>
      (context().db.query as (...a: unknown[]) => unknown)(...args)) as pg.Client['query'],
  };

  async function ownerRoster() {
    const { rows } = await db.query<{ id: string; name: string; phone: string }>(
      'SELECT id, name, phone FROM workers ORDER BY sort',
    );
    return rows;
  }

  describe('names and phones', () => {
    it('a city leader gets every worker with name and phone; masked on request', async () => {
      const rows = await ownerRoster();
      const full = await rosterOf(await fixture.as('city', '/workers'));
      expect(full.map(({ id, name, phone }) => ({ id, name, phone }))).toEqual(rows);
      expect(rows.length).toBeGreaterThan(4_000);
      const onRequest = await rosterOf(await fixture.as('city', '/workers?personal=masked'));
      expect(onRequest.map(({ id, name }) => ({ id, name }))).toEqual(
        rows.map(({ id, name }) => ({ id, name: masked(name) })),
      );
      expect(onRequest.every((entry) => !('phone' in entry))).toBe(true);
    });

    it('the wall gets the masked roster whatever it asks, with no phone anywhere in it', async () => {
      const rows = await ownerRoster();
      for (const path of ['/workers', '/workers?personal=masked']) {
        const response = await fixture.as('wall', path);
        const text = await response.clone().text();
        const roster = await rosterOf(response);
        expect(
          roster.map(({ id, name }) => ({ id, name })),
          path,
        ).toEqual(rows.map(({ id, name }) => ({ id, name: masked(name) })));
        expect(roster.every((entry) => !('phone' in entry))).toBe(true);
        // No phone number anywhere in the body, and no full name (of two characters or more) as a name.
        expect(text.match(/1[358]\d{9}/g)).toBeNull();
        const names = new Set(roster.map((entry) => entry.name));
        expect(rows.filter((row) => Array.from(row.name).length > 1 && names.has(row.name))).toEqual([]);
      }
    });

    it('refuses any other personal value with 400 bad_parameter', async () => {
      const response = await fixture.as('city', '/workers?personal=all');
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBe('bad_parameter');
    });

    it('audits a read of names: the leader’s full roster, not his masked one, nor the wall’s', async () => {
      const count = async (who: string) =>
        Number(
          (
            await db.query<{ n: string }>('SELECT count(*) AS n FROM personal_reads WHERE read_by = $1', [
              who,
            ])
          ).rows[0]?.n,
        );
      const [city, wall] = [await count(users.city.login), await count(users.wall.login)];
      await (await fixture.as('city', '/workers?personal=masked')).text();
      await (await fixture.as('wall', '/workers')).text();
      expect([await count(users.city.login), await count(users.wall.login)]).toEqual([city, wall]);
      await (await fixture.as('city', '/workers')).text();
      expect(await count(users.city.login)).toBe(city + 1);
    });
  });

  describe('scopes', () => {
    it('a district leader sees the workers of his district’s grids only: roster, positions and tracks', async () => {
      const { rows } = await db.query<{ id: string }>(
        `SELECT DISTINCT w.worker_id AS id FROM worker_grids w JOIN grids g ON g.id = w.grid_id
       JOIN regions r ON r.id = g.community_id WHERE $1 = ANY (r.path) ORDER BY 1`,
        [district],
      );
      const all = (await db.query<{ n: string }>('SELECT count(*) AS n FROM workers')).rows[0]?.n;
      expect(rows.length).toBeGreaterThan(100);
      expect(rows.length).toBeLessThan(Number(all));
      const own = rows.map((row) => row.id);
      const roster = await rosterOf(await fixture.as('district', '/workers'));
      expect(roster.map((entry) => entry.id).sort()).toEqual(own);
      const positions = (await (await fixture.as('district', '/workers/positions')).json()) as {
        features: { properties: { id: string } }[];
      };
      expect(positions.features.map((feature) => feature.properties.id).sort()).toEqual(own);
      const outside = await db.query<{ id: string }>(
        'SELECT id FROM workers WHERE NOT (id = ANY ($1)) ORDER BY sort LIMIT 1',
        [own],
      );
      const stranger = outside.rows[0]!.id;
      expect((await fixture.as('district', `/workers/${stranger}/track`)).status).toBe(404);
      expect((await fixture.as('city', `/workers/${stranger}/track`)).status).toBe(200);
      expect((await fixture.as('district', `/workers/${own[0]}/track`)).status).toBe(200);
    });
  });

  describe('positions and tracks', () => {
    it('each worker’s latest fix up to now, and a day’s fixes in time order', async () => {
      // Fixes are whole minutes: read as the owner and through the server within one minute, both see the same.
      const minute = 60_000;
      const read = async () => {
        const asked = Date.now();
        const latest = await db.query<{ id: string; at: string; x: number; y: number }>(
          `SELECT DISTINCT ON (worker_id) worker_id AS id, contract_time(at) AS at, ST_X(geom) AS x, ST_Y(geom) AS y
         FROM worker_fixes WHERE at <= now() ORDER BY worker_id, at DESC`,
        );
        const positions = (await (await fixture.as('city', '/workers/positions')).json()) as {
          features: { geometry: { coordinates: number[] }; properties: { id: string; at: string } }[];
        };
        return {
          latest,
          positions,
          sameMinute: Math.floor(Date.now() / minute) === Math.floor(asked / minute),
        };
      };
      let { latest, positions, sameMinute } = await read();
      if (!sameMinute) ({ latest, positions, sameMinute } = await read());
      const byId = new Map(positions.features.map((feature) => [feature.properties.id, feature]));
      expect(byId.size).toBe(latest.rows.length);
      for (const row of latest.rows) {
        const feature = byId.get(row.id);
        expect(feature?.properties.at, row.id).toBe(row.at);
        expect(feature?.geometry.coordinates, row.id).toEqual([row.x, row.y]);
      }
      const busiest = await db.query<{ id: string; day: string; n: string }>(
        `SELECT worker_id AS id, to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, count(*) AS n
       FROM worker_fixes WHERE at <= now() GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT 1`,
      );
      const { id, day, n } = busiest.rows[0]!;
      const track = (await (await fixture.as('city', `/workers/${id}/track?date=${day}`)).json()) as {
        workerId: string;
        date: string;
        points: { at: string }[];
      };
      expect({ workerId: track.workerId, date: track.date, count: track.points.length }).toEqual({
        workerId: id,
        date: day,
        count: Number(n),
      });
      const times = track.points.map((point) => Date.parse(point.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    });

    it('refuse a day that is not one with 400 bad_date, an unknown worker with 404 not_found', async () => {
      const [first] = await ownerRoster();
      for (const date of ['tomorrow', '2026-02-30', '2026-1-05', '']) {
        const response = await fixture.as('city', `/workers/${first!.id}/track?date=${date}`);
        expect(response.status, date).toBe(400);
        expect(((await response.json()) as { error: string }).error, date).toBe('bad_date');
      }
      for (const id of ['nobody', '%00']) {
        const response = await fixture.as('city', `/workers/${id}/track?date=2026-11-23`);
        expect(response.status, id).toBe(404);
        expect(((await response.json()) as { error: string }).error, id).toBe('not_found');
      }
    });
  });

  describe('a plan save', () => {
    it('a district planner’s merge hands the dropped grid’s workers to the merged grid, in his scope', async () => {
      const grids = gridsSchema.parse(
        await (await fixture.as('planner', `/grids?community=${gridCommunity}`)).json(),
      ).features;
      const { kept, dropped, rest, merged } = await mergeFirstTwo(context().db, grids);
      const { rows } = await db.query<{ id: string }>(
        'SELECT worker_id AS id FROM worker_grids WHERE grid_id = $1 ORDER BY 1',
        [dropped.properties.id],
      );
      expect(rows.length).toBeGreaterThan(0);
      const version = Math.max(...grids.map((grid) => grid.properties.version));
      const saved = await fixture.as('planner', `/grids?community=${gridCommunity}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          baseVersion: version,
          grids: { type: 'FeatureCollection', features: [merged, ...rest] },
        }),
      });
      expect(saved.status, await saved.clone().text()).toBe(200);
      const roster = await rosterOf(await fixture.as('planner', '/workers'));
      const byId = new Map(roster.map((entry) => [entry.id, entry.gridIds]));
      expect(rows.map((row) => byId.get(row.id))).toEqual(rows.map(() => [kept.properties.id]));
      const known = new Set(
        (await db.query<{ id: string }>('SELECT id FROM grids')).rows.map((row) => row.id),
      );
      expect(roster.flatMap((entry) => entry.gridIds).filter((id) => !known.has(id))).toEqual([]);
    });
  });
}
