import { http } from 'msw';
import { gridsSchema } from '../../src/contract/schemas/contract.schema';
import { bboxesIntersect } from '../../src/domain/case-filter';
import { saveGridPlan } from './save-grid-plan';
import type { MockState } from './mock-state';
import { answerBadParameters, BadParameter, readBbox } from './query-params';
import { respondValid } from './respond';

function readCommunity(state: MockState, params: URLSearchParams): string | undefined {
  const id = params.get('community');
  if (id === null || id === '') return undefined;
  if (state.units.get(id)?.level !== 'community') {
    throw new BadParameter('unknown_region', `community "${id}" is not a known community`);
  }
  return id;
}

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new BadParameter('bad_parameter', 'the body is not JSON');
  }
}

/** GET returns the session's current grids; PUT saves a community's plan with an optimistic version check. */
export function gridsHandlers(state: MockState) {
  const base = state.baseUrl;
  return [
    http.get(`${base}/grids`, ({ request }) =>
      answerBadParameters(() => {
        const params = new URL(request.url).searchParams;
        const communityId = readCommunity(state, params);
        const box = readBbox(params);
        const stored = communityId ? state.grids.ofCommunity(communityId) : state.grids.all();
        const features = stored
          .filter((grid) => !box || bboxesIntersect(box, grid.bbox))
          .map((grid) => grid.feature);
        return respondValid(state, 'gridsSchema', gridsSchema, { type: 'FeatureCollection', features });
      }),
    ),
    http.put(`${base}/grids`, ({ request }) =>
      answerBadParameters(async () => {
        const communityId = readCommunity(state, new URL(request.url).searchParams);
        if (!communityId) throw new BadParameter('bad_parameter', 'community is required');
        return saveGridPlan(state, communityId, await readJson(request));
      }),
    ),
  ];
}
