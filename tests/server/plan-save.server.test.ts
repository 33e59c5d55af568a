import { describe, expect, it } from 'vitest';
import {
  gridsSchema,
  saveGridsInvalidSchema,
  type GridFeature,
} from '../../src/contract/schemas/contract.schema';
import { mergeFirstTwo, serverOnCopiedDatabase } from './server-harness';

/** A plan save's topology (gaps), its recomputed households, and its all-or-nothing transaction. */

// A copy of the seeded city: these saves must not change what the other files compare with the mock.
const server = serverOnCopiedDatabase('plan_saves');

/** The n-th community (in the city's order) with at least `least` grids, and its grids as the server sends them. */
async function community(least: number, skip = 0) {
  const { rows } = await server.db.query<{ community_id: string }>(
    `SELECT community_id FROM grids GROUP BY community_id HAVING count(*) >= $1
     ORDER BY min(sort) OFFSET $2 LIMIT 1`,
    [least, skip],
  );
  const id = rows[0]?.community_id ?? '';
  const grids = gridsSchema.parse(
    await (await fetch(`${server.base}/grids?community=${id}`)).json(),
  ).features;
  return { id, grids, version: Math.max(...grids.map((grid) => grid.properties.version)) };
}

const save = (communityId: string, baseVersion: number, features: unknown[]) =>
  fetch(`${server.base}/grids?community=${communityId}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ baseVersion, grids: { type: 'FeatureCollection', features } }),
  });

/** Everything a save may touch in a community: its grids (all columns), their cases and cameras, its audit rows. */
async function snapshot(communityId: string, gridIds: string[]) {
  const grids = await server.db.query(
    `SELECT id, households, population, version, sort, ST_AsText(geom) AS geom FROM grids WHERE community_id = $1 ORDER BY id`,
    [communityId],
  );
  const cases = await server.db.query('SELECT id, grid_id FROM cases WHERE grid_id = ANY ($1) ORDER BY id', [
    gridIds,
  ]);
  const cameras = await server.db.query(
    'SELECT id, grid_id FROM cameras WHERE grid_id = ANY ($1) ORDER BY id',
    [gridIds],
  );
  const saves = await server.db.query('SELECT count(*)::int AS n FROM grid_saves WHERE community_id = $1', [
    communityId,
  ]);
  const workers = await server.db.query(
    'SELECT worker_id, grid_id, place FROM worker_grids WHERE grid_id = ANY ($1) ORDER BY worker_id, place',
    [gridIds],
  );
  return {
    grids: grids.rows,
    cases: cases.rows,
    cameras: cameras.rows,
    saves: saves.rows,
    workers: workers.rows,
  };
}

describe('PUT /grids: gaps against the community', () => {
  it('refuses a plan that leaves ground uncovered with 422 `gap`, its area and a neighbouring grid', async () => {
    const { id, grids, version } = await community(3);
    const [kept, dropped, ...rest] = grids;
    if (!kept || !dropped) throw new Error('need grids');
    const area = await server.db.query<{ area: number }>(
      'SELECT ST_Area(geom::geography) AS area FROM grids WHERE id = $1',
      [dropped.properties.id],
    );
    const before = await snapshot(
      id,
      grids.map((grid) => grid.properties.id),
    );
    const reply = await save(id, version, [kept, ...rest]);
    expect(reply.status).toBe(422);
    const reasons = saveGridsInvalidSchema.parse(await reply.json()).reasons;
    const gaps = reasons.filter((reason) => reason.reason.startsWith('gap: '));
    expect(gaps).toHaveLength(1);
    const [, squareMetres, lng, lat] =
      /^gap: (\d+) m² at ([\d.]+),([\d.]+)$/.exec(gaps[0]?.reason ?? '') ?? [];
    // The uncovered area is the dropped grid's, measured on its own.
    expect(Math.abs(Number(squareMetres) - (area.rows[0]?.area ?? 0))).toBeLessThanOrEqual(1);
    // The point given lies in the dropped grid, and the grid named borders it.
    const inside = await server.db.query<{ hit: boolean; touches: boolean }>(
      `SELECT ST_Intersects(d.geom, ST_SetSRID(ST_MakePoint($2, $3), 4326)) AS hit,
              ST_DWithin(d.geom, n.geom, 1e-9) AS touches
       FROM grids d, grids n WHERE d.id = $1 AND n.id = $4`,
      [dropped.properties.id, Number(lng), Number(lat), gaps[0]?.gridId],
    );
    expect(inside.rows[0]).toEqual({ hit: true, touches: true });
    expect(
      await snapshot(
        id,
        grids.map((grid) => grid.properties.id),
      ),
    ).toEqual(before);
  });
});

describe('PUT /grids: households re-joined', () => {
  it('shares a split grid’s households and population by area, keeping the community’s totals', async () => {
    const { id, grids, version } = await community(2, 1);
    const [split, ...rest] = grids;
    if (!split) throw new Error('need a grid');
    // Cut the grid along the meridian of its centre: west part keeps its id, east part is a new grid.
    const { rows: halves } = await server.db.query<{ west: string; east: string }>(
      `WITH g AS (SELECT geom, ST_X(ST_Centroid(geom)) AS x FROM grids WHERE id = $1),
       cut AS (SELECT geom, ST_MakeEnvelope(-180, -90, x, 90, 4326) AS west FROM g)
       SELECT ST_AsGeoJSON(ST_Multi(ST_Intersection(geom, west)), 15) AS west,
              ST_AsGeoJSON(ST_Multi(ST_Difference(geom, west)), 15) AS east FROM cut`,
      [split.properties.id],
    );
    const half = (json: string | undefined) => JSON.parse(json ?? 'null') as GridFeature['geometry'];
    const eastId = `${split.properties.id}-E`;
    const west = { ...split, geometry: half(halves[0]?.west) };
    // The client's figures are wrong on purpose (the east half claims none, the west all): the server recomputes.
    const east = {
      ...split,
      geometry: half(halves[0]?.east),
      properties: { ...split.properties, id: eastId, code: eastId, households: 0, population: 0 },
    };
    const totals = await server.db.query<{ households: number; population: number }>(
      'SELECT sum(households)::int AS households, sum(population)::int AS population FROM grids WHERE community_id = $1',
      [id],
    );
    // Each new grid's exact share, computed here in SQL on its own: Σ old figure × overlap area ÷ old area.
    const newIds = [split.properties.id, eastId];
    const exact = await server.db.query<{ id: string; households: number; population: number }>(
      `WITH plan (id, geom) AS (VALUES ($2, ST_SetSRID(ST_GeomFromGeoJSON($3), 4326)), ($4, ST_SetSRID(ST_GeomFromGeoJSON($5), 4326)))
       SELECT p.id, sum(o.households * ST_Area(ST_Intersection(p.geom, o.geom)::geography) / ST_Area(o.geom::geography)) AS households,
              sum(o.population * ST_Area(ST_Intersection(p.geom, o.geom)::geography) / ST_Area(o.geom::geography)) AS population
       FROM plan p JOIN grids o ON o.community_id = $1 AND ST_Intersects(p.geom, o.geom) GROUP BY p.id`,
      [id, newIds[0], JSON.stringify(west.geometry), newIds[1], JSON.stringify(east.geometry)],
    );
    const reply = await save(id, version, [west, east, ...rest]);
    expect(reply.status, await reply.clone().text()).toBe(200);
    const stored = await server.db.query<{ id: string; households: number; population: number }>(
      'SELECT id, households, population FROM grids WHERE id = ANY ($1)',
      [newIds],
    );
    for (const row of stored.rows) {
      const share = exact.rows.find((item) => item.id === row.id);
      expect(Math.abs(row.households - (share?.households ?? NaN))).toBeLessThan(1);
      expect(Math.abs(row.population - (share?.population ?? NaN))).toBeLessThan(1);
    }
    // Both halves hold a real share (neither the client's 0 nor its whole).
    expect(
      stored.rows.every((row) => row.households > 0 && row.households < split.properties.households),
    ).toBe(true);
    const after = await server.db.query<{ households: number; population: number }>(
      'SELECT sum(households)::int AS households, sum(population)::int AS population FROM grids WHERE community_id = $1',
      [id],
    );
    expect(after.rows[0]).toEqual(totals.rows[0]);
  });
});

describe('PUT /grids: a failure mid-save', () => {
  it('rolls the whole save back when its last statement fails (grids, cases, cameras, audit unchanged)', async () => {
    const { id, grids, version } = await community(2, 2);
    const { kept, dropped, rest, merged } = await mergeFirstTwo(server.db, grids);
    const ids = grids.map((grid) => grid.properties.id);
    const before = await snapshot(id, ids);
    expect(before.cases.some((row) => (row as { grid_id: string }).grid_id === dropped.properties.id)).toBe(
      true,
    );
    // The audit row is the save's last statement: by the time it fails, grids were upserted, cases and cameras
    // re-joined and the dropped grid deleted, all of which must be undone.
    await server.db.query(`CREATE FUNCTION test_fail_save() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected failure after the save''s writes'; END $$`);
    await server.db.query(
      'CREATE TRIGGER test_fail_save BEFORE INSERT ON grid_saves FOR EACH ROW EXECUTE FUNCTION test_fail_save()',
    );
    try {
      const reply = await save(id, version, [merged, ...rest]);
      expect(reply.status).toBe(500);
    } finally {
      await server.db.query('DROP TRIGGER test_fail_save ON grid_saves');
      await server.db.query('DROP FUNCTION test_fail_save()');
    }
    expect(await snapshot(id, ids)).toEqual(before);
    // Nothing was left locked or half-done: the same save now goes through.
    expect((await save(id, version, [merged, ...rest])).status).toBe(200);
    // The dropped grid's workers keep their posts on the merged grid (its middle lies in it), listed once.
    const handedOn = (before.workers as { worker_id: string; grid_id: string }[])
      .filter((row) => row.grid_id === dropped.properties.id)
      .map((row) => row.worker_id);
    expect(handedOn.length).toBeGreaterThan(0);
    const { rows } = await server.db.query<{ worker_id: string; grids: string[] }>(
      `SELECT worker_id, array_agg(grid_id ORDER BY place) AS grids FROM worker_grids WHERE worker_id = ANY ($1)
       GROUP BY worker_id ORDER BY worker_id`,
      [handedOn],
    );
    expect(rows.map((row) => row.grids)).toEqual(handedOn.map(() => [kept.properties.id]));
  });
});
