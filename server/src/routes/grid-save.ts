import type { FastifyInstance } from 'fastify';
import { gridPlanReasons, schemaReasons, type PlanReason } from '../../../src/contract/grid-plan-reasons';
import { BadParameter } from '../../../src/contract/query-params';
import { saveGridsRequestSchema, type GridFeature } from '../../../src/contract/schemas/contract.schema';
import { searchParams, type ServerContext } from '../app';
import { inTransaction, type PoolClient } from '../db';
import { readCommunity } from '../units';

type Outcome =
  | { status: 200; body: { version: number } }
  | { status: 409; body: { error: 'conflict'; currentVersion: number } }
  | { status: 422; body: { error: 'invalid'; reasons: PlanReason[] } };

const invalid = (reasons: PlanReason[]): Outcome => ({ status: 422, body: { error: 'invalid', reasons } });

/**
 * The topology rules, checked by PostGIS on the plan (loaded into a temporary table): valid geometry, inside the
 * community, no two grids overlapping, no id another community uses. Slivers under 1 m² or 0.01 % of a grid are
 * shared edges drawn twice, not overlaps (as in the mock's check).
 */
const topologySql = `
  WITH community AS (SELECT geom FROM regions WHERE id = $1),
  plan AS (SELECT id, ordinal, geom, ST_Area(geom::geography) AS area FROM plan_grids)
  SELECT id AS grid_id, 'invalid_geometry: ' || ST_IsValidReason(geom) AS reason, ordinal, 0 AS other
    FROM plan WHERE NOT ST_IsValid(geom)
  UNION ALL
  SELECT p.id, 'duplicate_id', p.ordinal, 1 FROM plan p JOIN grids g ON g.id = p.id AND g.community_id <> $1
  UNION ALL
  SELECT p.id, 'outside_community: ' || round(x.outside)::bigint || ' m²', p.ordinal, 2
    FROM plan p CROSS JOIN community c
    CROSS JOIN LATERAL (SELECT ST_Area(ST_Difference(p.geom, c.geom)::geography) AS outside) x
    WHERE ST_IsValid(p.geom) AND x.outside > greatest(1, p.area * 1e-4)
  UNION ALL
  SELECT a.id, 'overlaps: ' || b.id, a.ordinal, 3 + b.ordinal
    FROM plan a JOIN plan b ON a.ordinal <> b.ordinal AND a.geom && b.geom
    WHERE ST_IsValid(a.geom) AND ST_IsValid(b.geom)
      AND ST_Area(ST_Intersection(a.geom, b.geom)::geography) > greatest(1, least(a.area, b.area) * 1e-4)
  ORDER BY ordinal, other`;

async function checkPlan(
  client: PoolClient,
  communityId: string,
  grids: readonly GridFeature[],
): Promise<PlanReason[]> {
  const reasons: PlanReason[] = [];
  const seen = new Set<string>();
  for (const grid of grids) {
    const { id } = grid.properties;
    if (grid.properties.communityId !== communityId)
      reasons.push({
        gridId: id,
        reason: `${gridPlanReasons.wrongCommunity}: ${grid.properties.communityId}`,
      });
    if (seen.has(id)) reasons.push({ gridId: id, reason: gridPlanReasons.duplicateId });
    seen.add(id);
  }
  await client.query('CREATE TEMP TABLE plan_grids (id text, ordinal int, geom geometry) ON COMMIT DROP');
  await client.query(
    `INSERT INTO plan_grids SELECT id, ordinal, ST_SetSRID(ST_GeomFromGeoJSON(geometry), 4326)
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS p (id, geometry, ordinal)`,
    [grids.map((grid) => grid.properties.id), grids.map((grid) => JSON.stringify(grid.geometry))],
  );
  const { rows } = await client.query<{ grid_id: string; reason: string }>(topologySql, [communityId]);
  for (const row of rows) reasons.push({ gridId: row.grid_id, reason: row.reason });
  return reasons;
}

/** Store the plan, re-join the community's cases and cameras to the new grids, write the audit row. */
async function storePlan(
  client: PoolClient,
  communityId: string,
  grids: readonly GridFeature[],
  before: number,
  by: string,
) {
  const version = before + 1;
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
      grids.map((grid) => grid.properties.households),
      grids.map((grid) => grid.properties.population),
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

export function gridSaveRoutes(api: FastifyInstance, { pool }: ServerContext): void {
  api.put('/grids', async (request, reply) => {
    const communityId = await readCommunity(pool, searchParams(request.url));
    if (!communityId) throw new BadParameter('bad_parameter', 'community is required');
    const body: unknown = request.body;
    const parsed = saveGridsRequestSchema.safeParse(body);
    if (!parsed.success) return reply.code(422).send(invalid(schemaReasons(parsed.error.issues, body)).body);
    const grids = parsed.data.grids.features;
    const by = String(request.headers['x-gridboard-user'] ?? 'anonymous').slice(0, 120);
    const outcome = await inTransaction(pool, async (client): Promise<Outcome> => {
      // The community's row is the save's lock: concurrent saves of one community queue here, and exactly one
      // finds its base version current.
      await client.query('SELECT 1 FROM regions WHERE id = $1 FOR UPDATE', [communityId]);
      const { rows } = await client.query<{ version: number | null }>(
        'SELECT max(version) AS version FROM grids WHERE community_id = $1',
        [communityId],
      );
      const currentVersion = rows[0]?.version ?? 0;
      if (parsed.data.baseVersion !== currentVersion)
        return { status: 409, body: { error: 'conflict', currentVersion } };
      if (grids.length === 0) return invalid([{ gridId: null, reason: gridPlanReasons.emptyPlan }]);
      const reasons = await checkPlan(client, communityId, grids);
      if (reasons.length > 0) return invalid(reasons);
      return {
        status: 200,
        body: { version: await storePlan(client, communityId, grids, currentVersion, by) },
      };
    });
    return reply.code(outcome.status).send(outcome.body);
  });
}
