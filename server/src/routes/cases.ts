import type { FastifyInstance } from 'fastify';
import { BadParameter, readBbox, readInstant, readWords } from '../../../src/contract/query-params';
import { caseCategories, caseStages } from '../../../src/domain/case';
import { acceptsColumnar } from '../../../src/geo/columnar/negotiate';
import { columnarMediaType } from '../../../src/geo/columnar/points-columnar';
import { searchParams, type ServerContext } from '../app';
import { readCaseColumns } from '../case-columns';
import { dayMs } from '../../../src/domain/china-time';
import { readUnit } from '../units';

/** Without `from`, the window is the 30 days before `to` (or now), as in the mock (docs/api.md). */
const defaultCaseWindowDays = 30;
/** `ids=` holds at most this many ids (docs/api.md). */
const maxCaseIds = 200;

/** Case ids are codes (JC20261122-000123): anything else is a mistake or an attack, refused before any query. */
const caseIdPattern = /^[\w.-]{1,64}$/;

function readIds(params: URLSearchParams): string[] | null {
  const text = params.get('ids');
  if (text === null || text === '') return null;
  const ids = text.split(',').filter((id) => id !== '');
  if (ids.length > maxCaseIds)
    throw new BadParameter('bad_parameter', `ids holds ${ids.length} ids, at most ${maxCaseIds} are allowed`);
  const odd = ids.find((id) => !caseIdPattern.test(id));
  if (odd !== undefined)
    throw new BadParameter(
      'bad_parameter',
      `ids: "${odd.slice(0, 40)}" is not a case id (letters, digits, - _ .)`,
    );
  return ids;
}

/**
 * The cases a unit holds: those whose grid lies in it (the grid itself, or a region on its community's path).
 * Shared with the indicators, so "cases in X" means one thing.
 */
export const gridsOfUnitSql = (param: string) =>
  `SELECT g.id FROM grids g JOIN regions r ON r.id = g.community_id WHERE g.id = ${param} OR ${param} = ANY (r.path)`;

/** The list's filters ($1 from … $10 unit), shared by both formats. */
const casesWhere = `
  WHERE c.reported_at >= $1 AND ($2::timestamptz IS NULL OR c.reported_at < $2)
    AND ($3::text[] IS NULL OR c.status = ANY ($3))
    AND ($4::text[] IS NULL OR c.category = ANY ($4))
    AND ($5::text[] IS NULL OR c.id = ANY ($5))
    AND ($6::float8 IS NULL OR c.geom && ST_MakeEnvelope($6, $7, $8, $9, 4326))
    AND ($10::text IS NULL OR c.grid_id IN (${gridsOfUnitSql('$10')}))`;

const casesSql = `
  SELECT coalesce(json_agg(case_feature(c) ORDER BY c.reported_at, c.id), '[]')::text AS body
  FROM cases c ${casesWhere}`;

export function casesRoutes(api: FastifyInstance, { pool }: ServerContext): void {
  api.get('/cases', async (request, reply) => {
    const params = searchParams(request.url);
    const to = readInstant(params, 'to');
    const from = readInstant(params, 'from') ?? (to ?? Date.now()) - defaultCaseWindowDays * dayMs;
    if (to !== undefined && from >= to) throw new BadParameter('bad_parameter', 'from must be before to');
    const box = readBbox(params);
    const statuses = readWords(params, 'status', caseStages);
    const categories = readWords(params, 'category', caseCategories);
    const ids = readIds(params);
    const unit = await readUnit(pool, params);
    const filters = [
      new Date(from),
      to === undefined ? null : new Date(to),
      statuses ? [...statuses] : null,
      categories ? [...categories] : null,
      ids,
      box?.[0] ?? null,
      box?.[1] ?? null,
      box?.[2] ?? null,
      box?.[3] ?? null,
      unit?.id ?? null,
    ];
    reply.header('vary', 'Accept');
    // Content negotiation: the binary columns only for a client that asks for them (docs/api.md).
    if (acceptsColumnar(request.headers.accept ?? null))
      return reply
        .type(columnarMediaType)
        .send(Buffer.from(await readCaseColumns(pool, casesWhere, filters)));
    const { rows } = await pool.query<{ body: string }>(casesSql, filters);
    const features = rows[0]?.body ?? '[]';
    return reply.type('application/json').send(`{"type":"FeatureCollection","features":${features}}`);
  });
}
