import type { GridFeature } from '../../src/contract/schemas/contract.schema';
import { redistribute } from '../../src/geo/plan/reattribution';
import type { PoolClient } from './db';

/**
 * Households and population of the plan's grids, recomputed from the community's grids as they are (read in the
 * save's transaction, under its lock) by the planner's own rule (`redistribute`): each old grid's figure shared by
 * area among the new grids that cover it, rounded by largest remainder so the community's total is kept. The
 * figures a client sends are not trusted: a split grid would otherwise count its households twice.
 */
async function recomputedFigures(client: PoolClient, communityId: string, grids: readonly GridFeature[]) {
  const { rows } = await client.query<{ features: GridFeature[] | null }>(
    `SELECT json_agg(json_build_object('type', 'Feature', 'geometry', ST_AsGeoJSON(geom, 15)::json,
       'properties', json_build_object('id', id, 'households', households, 'population', population)) ORDER BY sort) AS features
     FROM grids WHERE community_id = $1`,
    [communityId],
  );
  const before = rows[0]?.features ?? [];
  // A community with no grids yet has nothing to share out: the plan's own figures stand.
  if (before.length === 0)
    return {
      households: grids.map((grid) => grid.properties.households),
      population: grids.map((grid) => grid.properties.population),
    };
  return {
    households: redistribute(before, grids, 'households'),
    population: redistribute(before, grids, 'population'),
  };
}

/**
 * A grid worker keeps his post through a save: each of his grids that the plan drops becomes the new grid over its
 * middle (the mean of its outline's corners, where the demo puts the grid's office), else the plan's first grid; a
 * merge gives both workers the merged grid once. As the mock does (mocks/workers/worker-store.ts, `regrid`).
 */
async function handOverWorkers(client: PoolClient, oldIds: readonly string[], newIds: readonly string[]) {
  await client.query(
    `WITH successor AS (
       SELECT d.id AS dropped, coalesce(
         (SELECT g.id FROM grids g WHERE g.id = ANY ($2) AND ST_Intersects(g.geom, m.middle) ORDER BY g.sort LIMIT 1),
         (SELECT g.id FROM grids g WHERE g.id = ANY ($2) ORDER BY g.sort LIMIT 1)) AS id
       FROM grids d
       CROSS JOIN LATERAL (SELECT ST_Centroid(ST_Collect(p.geom)) AS middle
                           FROM ST_DumpPoints(ST_ExteriorRing(ST_GeometryN(d.geom, 1))) p
                           WHERE p.path[1] < ST_NPoints(ST_ExteriorRing(ST_GeometryN(d.geom, 1)))) m
       WHERE d.id = ANY ($1) AND NOT (d.id = ANY ($2))),
     moved AS (
       DELETE FROM worker_grids w USING successor s WHERE w.grid_id = s.dropped
       RETURNING w.worker_id, s.id AS grid_id, w.place)
     INSERT INTO worker_grids (worker_id, grid_id, place)
     SELECT worker_id, grid_id, place FROM moved WHERE grid_id IS NOT NULL ORDER BY worker_id, place
     ON CONFLICT (worker_id, grid_id) DO NOTHING`,
    [oldIds, newIds],
  );
}

/**
 * Store the plan (the next version), recompute its households and population, re-join the community's cases and
 * cameras to the new grids, hand its workers on, delete the grids it dropped, and write the audit row: all on the caller's transaction.
 */
export async function storePlan(
  client: PoolClient,
  communityId: string,
  grids: readonly GridFeature[],
  before: number,
  by: string,
): Promise<number> {
  const version = before + 1;
  const figures = await recomputedFigures(client, communityId, grids);
  const { rows: old } = await client.query<{ id: string }>('SELECT id FROM grids WHERE community_id = $1', [
    communityId,
  ]);
  const oldIds = old.map((row) => row.id);
  // A community's grids keep their place in the city's order: the seed leaves 1,000 places per community.
  const { rows: places } = await client.query<{ base: number }>(
    'SELECT coalesce(min(sort), (SELECT coalesce(max(sort), 0) + 1000 FROM grids)) AS base FROM grids WHERE community_id = $1',
    [communityId],
  );
  const base = Math.floor((places[0]?.base ?? 0) / 1000) * 1000;
  await client.query(
    `INSERT INTO grids (id, code, name, community_id, type, households, population, worker_name, version, sort, geom)
     SELECT p.id, p.code, p.name, $1, p.type, p.households, p.population, p.worker_name, $2,
            $11::int + p.ordinal::int,
            ST_SetSRID(ST_GeomFromGeoJSON(p.geometry), 4326)
     FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::text[], $10::text[])
          WITH ORDINALITY AS p (id, code, name, type, households, population, worker_name, geometry, ordinal)
     ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, type = excluded.type,
       households = excluded.households, population = excluded.population, worker_name = excluded.worker_name,
       version = excluded.version, sort = excluded.sort, geom = excluded.geom`,
    [
      communityId,
      version,
      grids.map((grid) => grid.properties.id),
      grids.map((grid) => grid.properties.code),
      grids.map((grid) => grid.properties.name),
      grids.map((grid) => grid.properties.type),
      figures.households,
      figures.population,
      grids.map((grid) => grid.properties.workerName),
      grids.map((grid) => JSON.stringify(grid.geometry)),
      base,
    ],
  );
  const newIds = grids.map((grid) => grid.properties.id);
  // Re-join by location: a case or camera of the community lands in the new grid it lies in; one in none keeps
  // its grid while that grid exists (as the mock does), else loses it.
  const rejoin = (table: 'cases' | 'cameras') =>
    client.query(
      `UPDATE ${table} t SET grid_id = n.id
       FROM (SELECT t2.id AS row_id, (SELECT g.id FROM grids g WHERE g.id = ANY ($2) AND ST_Intersects(g.geom, t2.geom) ORDER BY g.sort LIMIT 1) AS id
             FROM ${table} t2 WHERE t2.grid_id = ANY ($1)) n
       WHERE t.id = n.row_id AND n.id IS NOT NULL AND n.id IS DISTINCT FROM t.grid_id`,
      [oldIds, newIds],
    );
  await rejoin('cases');
  await rejoin('cameras');
  await handOverWorkers(client, oldIds, newIds);
  // Cases left in a dropped grid lose it here rather than by the foreign key's SET NULL: the daily summary's trigger
  // (migration 0004) must still find the grid's community to take them out of its counts.
  await client.query(
    'UPDATE cases SET grid_id = NULL WHERE grid_id = ANY ($1) AND NOT (grid_id = ANY ($2))',
    [oldIds, newIds],
  );
  await client.query('DELETE FROM grids WHERE community_id = $1 AND NOT (id = ANY ($2))', [
    communityId,
    newIds,
  ]);
  await client.query(
    'INSERT INTO grid_saves (community_id, saved_by, before_version, after_version, grid_ids) VALUES ($1, $2, $3, $4, $5)',
    [communityId, by, before, version, newIds],
  );
  return version;
}
