import {
  gapReason,
  gapToleranceSquareMetres,
  gridPlanReasons,
  type PlanReason,
} from '../../src/contract/grid-plan-reasons';
import type { GridFeature } from '../../src/contract/schemas/contract.schema';
import type { PoolClient } from './db';

/**
 * The topology rules, checked by PostGIS on the plan (loaded into a temporary table): valid geometry, inside the
 * community, no two grids overlapping, no id another community uses. Slivers under 1 m² or 0.01 % of a grid are
 * shared edges drawn twice, not overlaps (as in the mock's check).
 */
const topologySql = `
  WITH community AS (SELECT geom FROM regions WHERE id = $1),
  plan AS (SELECT id, ordinal, geom, ST_Area(geom::geography) AS area FROM plan_grids)
  SELECT id AS grid_id, '${gridPlanReasons.invalidGeometry}: ' || ST_IsValidReason(geom) AS reason, ordinal, 0 AS other
    FROM plan WHERE NOT ST_IsValid(geom)
  UNION ALL
  SELECT p.id, '${gridPlanReasons.duplicateId}', p.ordinal, 1 FROM plan p JOIN grids g ON g.id = p.id AND g.community_id <> $1
  UNION ALL
  SELECT p.id, '${gridPlanReasons.outsideCommunity}: ' || round(x.outside)::bigint || ' m²', p.ordinal, 2
    FROM plan p CROSS JOIN community c
    CROSS JOIN LATERAL (SELECT ST_Area(ST_Difference(p.geom, c.geom)::geography) AS outside) x
    WHERE ST_IsValid(p.geom) AND x.outside > greatest(1, p.area * 1e-4)
  UNION ALL
  SELECT a.id, '${gridPlanReasons.overlaps}: ' || b.id, a.ordinal, 3 + b.ordinal
    FROM plan a JOIN plan b ON a.ordinal <> b.ordinal AND a.geom && b.geom
    WHERE ST_IsValid(a.geom) AND ST_IsValid(b.geom)
      AND ST_Area(ST_Intersection(a.geom, b.geom)::geography) > greatest(1, least(a.area, b.area) * 1e-4)
  ORDER BY ordinal, other`;

/**
 * Ground of the community that no grid of the plan covers: each piece over the contract's tolerance is one reason,
 * named after the plan's grid nearest to it, with its area and a point inside it so the planner can find it
 * (the mock finds the same pieces with the planner's own function: mocks/api/grid-plan-check.ts).
 */
const gapsSql = `
  WITH covered AS (SELECT ST_Union(geom) AS geom FROM plan_grids),
  uncovered AS (
    SELECT (ST_Dump(coalesce(ST_Difference(r.geom, c.geom), r.geom))).geom AS geom
    FROM regions r CROSS JOIN covered c WHERE r.id = $1),
  gaps AS (
    SELECT geom, ST_Area(geom::geography) AS area, ST_PointOnSurface(geom) AS inside
    FROM uncovered WHERE ST_Area(geom::geography) > $2)
  SELECT (SELECT p.id FROM plan_grids p ORDER BY ST_Distance(p.geom, g.geom), p.ordinal LIMIT 1) AS grid_id,
         g.area, ST_X(g.inside) AS longitude, ST_Y(g.inside) AS latitude
  FROM gaps g ORDER BY g.area DESC`;

/** Every reason the plan cannot be stored; none when it tiles its community. */
export async function checkPlan(
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
  // The union of invalid outlines is undefined: gaps are looked for once every outline is valid.
  if (rows.some((row) => row.reason.startsWith(gridPlanReasons.invalidGeometry))) return reasons;
  const gaps = await client.query<{
    grid_id: string | null;
    area: number;
    longitude: number;
    latitude: number;
  }>(gapsSql, [communityId, gapToleranceSquareMetres]);
  for (const row of gaps.rows)
    reasons.push({ gridId: row.grid_id, reason: gapReason(row.area, [row.longitude, row.latitude]) });
  return reasons;
}
