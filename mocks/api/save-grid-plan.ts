import {
  saveGridsConflictSchema,
  saveGridsInvalidSchema,
  saveGridsOkSchema,
  saveGridsRequestSchema,
} from '../../src/contract/schemas/contract.schema';
import { checkGridPlan, schemaReasons, type PlanReason } from './grid-plan-check';
import type { MockState } from './mock-state';
import { regridCases } from './regrid-cases';
import { respondValid } from './respond';

const invalid = (state: MockState, reasons: PlanReason[]) =>
  respondValid(
    state,
    'saveGridsInvalidSchema',
    saveGridsInvalidSchema,
    { error: 'invalid', reasons },
    { status: 422 },
  );

/**
 * PUT /grids: a body that fails the schema is 422; a stale base version is 409 (someone saved first, whatever
 * the plan's merits); a plan that breaks the topology rules is 422 with every reason; else the plan is stored.
 */
export function saveGridPlan(state: MockState, communityId: string, body: unknown): Response {
  const parsed = saveGridsRequestSchema.safeParse(body);
  if (!parsed.success) return invalid(state, schemaReasons(parsed.error.issues, body));
  const currentVersion = state.grids.versionOf(communityId);
  if (parsed.data.baseVersion !== currentVersion) {
    const conflict = { error: 'conflict', currentVersion };
    return respondValid(state, 'saveGridsConflictSchema', saveGridsConflictSchema, conflict, { status: 409 });
  }
  const grids = parsed.data.grids.features;
  const reasons = checkGridPlan(state, communityId, grids);
  if (reasons.length > 0) return invalid(state, reasons);
  const version = state.grids.replace(communityId, grids);
  state.units.replaceGrids(
    communityId,
    grids.map((grid) => grid.properties),
  );
  regridCases(state, communityId);
  state.workers.regrid(communityId, grids);
  return respondValid(state, 'saveGridsOkSchema', saveGridsOkSchema, { version });
}
