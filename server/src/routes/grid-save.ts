import type { FastifyInstance } from 'fastify';
import { gridPlanReasons, schemaReasons, type PlanReason } from '../../../src/contract/grid-plan-reasons';
import { BadParameter } from '../../../src/contract/query-params';
import { saveGridsRequestSchema } from '../../../src/contract/schemas/contract.schema';
import { searchParams, type ServerContext } from '../app';
import { AccessRefused, savesPlans } from '../auth/access';
import { accessOf } from '../auth/plugin';
import { inTransaction } from '../db';
import { checkPlan } from '../plan-check';
import { storePlan } from '../plan-store';
import { readCommunity } from '../units';

type Outcome =
  | { status: 200; body: { version: number } }
  | { status: 409; body: { error: 'conflict'; currentVersion: number } }
  | { status: 422; body: { error: 'invalid'; reasons: PlanReason[] } };

const invalid = (reasons: PlanReason[]): Outcome => ({ status: 422, body: { error: 'invalid', reasons } });

export function gridSaveRoutes(api: FastifyInstance, { pool }: ServerContext): void {
  api.put('/grids', async (request, reply) => {
    const access = accessOf(request);
    if (!savesPlans(access.role))
      throw new AccessRefused(403, 'forbidden_role', `a ${access.role} does not save plans`);
    const communityId = await readCommunity(pool, searchParams(request.url));
    if (!communityId) throw new BadParameter('bad_parameter', 'community is required');
    const body: unknown = request.body;
    const parsed = saveGridsRequestSchema.safeParse(body);
    if (!parsed.success) return reply.code(422).send(invalid(schemaReasons(parsed.error.issues, body)).body);
    const grids = parsed.data.grids.features;
    const by = access.user;
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
