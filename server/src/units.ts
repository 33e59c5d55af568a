import { BadParameter } from '../../src/contract/query-params';
import { AccessRefused } from './auth/access';
import type { Pool } from './db';

/** A region or a grid: where it sits in the tree (`path`: ids from the city down to it). */
export interface Unit {
  id: string;
  name: string;
  level: 'city' | 'district' | 'street' | 'community' | 'grid';
  path: string[];
}

const unitSql = `
  SELECT id, name, level, path FROM regions WHERE id = $1
  UNION ALL
  SELECT g.id, g.name, 'grid', r.path || g.id FROM grids g JOIN regions r ON r.id = g.community_id WHERE g.id = $1`;

const unitIdPattern = /^[\w.-]{1,64}$/;

export async function findUnit(pool: Pool, id: string): Promise<Unit | undefined> {
  const { rows } = await pool.query<Unit>(unitSql, [id]);
  return rows[0];
}

/** `?region=`: a region or grid id, 400 unknown_region when there is none. */
export async function readUnit(
  pool: Pool,
  params: URLSearchParams,
  name = 'region',
): Promise<Unit | undefined> {
  const id = params.get(name);
  if (id === null || id === '') return undefined;
  // Region and grid ids are codes: anything else is refused before it reaches a query.
  const unit = unitIdPattern.test(id) ? await findUnit(pool, id) : undefined;
  if (!unit && unitIdPattern.test(id) && (await unitExists(pool, id)))
    throw new AccessRefused(403, 'out_of_scope', `${name} "${id}" lies outside what you may see`);
  if (!unit)
    throw new BadParameter('unknown_region', `${name} "${id.slice(0, 80)}" is not a known region or grid`);
  return unit;
}

/** Whether the id names a region or grid at all, seen or not (the scope's policies hide the others). */
async function unitExists(pool: Pool, id: string): Promise<boolean> {
  const { rows } = await pool.query<{ exists: boolean }>('SELECT gridboard_unit_exists($1) AS exists', [id]);
  return rows[0]?.exists === true;
}

/** The topmost unit the user sees: the city, or his district, street, community or grid. */
export async function rootUnit(pool: Pool): Promise<Unit> {
  const { rows } = await pool.query<Unit>(
    `(SELECT id, name, level, path FROM regions ORDER BY cardinality(path), sort LIMIT 1)
     UNION ALL
     (SELECT g.id, g.name, 'grid', r.path || g.id FROM grids g JOIN regions r ON r.id = g.community_id ORDER BY g.sort LIMIT 1)
     LIMIT 1`,
  );
  const root = rows[0];
  if (!root) throw new Error('the database holds no city: run `npm run server:seed`');
  return root;
}

/** `?community=`: a community id, 400 unknown_region for anything else. */
export async function readCommunity(pool: Pool, params: URLSearchParams): Promise<string | undefined> {
  const unit = await readUnit(pool, params, 'community').catch((error: unknown) => {
    if (error instanceof BadParameter) return undefined;
    throw error;
  });
  const id = params.get('community');
  if (id === null || id === '') return undefined;
  if (unit?.level !== 'community')
    throw new BadParameter('unknown_region', `community "${id.slice(0, 80)}" is not a known community`);
  return id;
}
