import { HttpResponse, http } from 'msw';
import {
  workerPositionsSchema,
  workersSchema,
  workerTrackSchema,
} from '../../src/contract/schemas/workers.schema';
import { formatChinaDay, formatChinaTime } from '../../src/domain/china-time';
import { maskPersonName } from '../../src/domain/personal-data';
import type { MockState } from './mock-state';
import { badRequest, respondValid } from './respond';

/** GET /workers, /workers/positions and /workers/{id}/track?date= (docs/api.md, Grid workers). */
export function workersHandlers(state: MockState) {
  const base = state.baseUrl;
  return [
    // `personal=masked`: what a public view may show (the masked name, no phone), masked here, not in the browser.
    http.get(`${base}/workers`, ({ request }) => {
      const personal = new URL(request.url).searchParams.get('personal');
      if (personal !== null && personal !== 'masked')
        return badRequest('bad_parameter', `personal must be "masked" when given, not "${personal}"`);
      const roster = state.workers.roster(state.clock());
      const workers =
        personal === 'masked'
          ? roster.map(({ id, gridIds, employment, onDuty, name }) => ({
              id,
              gridIds,
              employment,
              onDuty,
              name: maskPersonName(name),
            }))
          : roster;
      return respondValid(state, 'workersSchema', workersSchema, { workers });
    }),
    http.get(`${base}/workers/positions`, () => {
      const features = state.workers.positions(state.clock()).map(({ worker, position, at }) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: position },
        properties: { id: worker.id, at: formatChinaTime(at), onDuty: worker.onDuty },
      }));
      return respondValid(state, 'workerPositionsSchema', workerPositionsSchema, {
        type: 'FeatureCollection',
        features,
      });
    }),
    http.get(`${base}/workers/:id/track`, ({ request, params }) => {
      const now = state.clock();
      const date = new URL(request.url).searchParams.get('date') ?? formatChinaTime(now).slice(0, 10);
      const dayStart = Date.parse(`${date}T00:00:00+08:00`);
      // A real calendar day: Date.parse alone reads 2026-02-30 as 2 March.
      if (
        !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
        !Number.isFinite(dayStart) ||
        formatChinaDay(dayStart) !== date
      )
        return badRequest('bad_date', `date must be a day as YYYY-MM-DD, not "${date}"`);
      const id = String(params.id);
      const fixes = state.workers.track(id, dayStart, now);
      if (fixes === undefined)
        return HttpResponse.json({ error: 'not_found', message: `no grid worker ${id}` }, { status: 404 });
      return respondValid(state, 'workerTrackSchema', workerTrackSchema, {
        workerId: id,
        date,
        points: fixes.map((fix) => ({ position: fix.position, at: formatChinaTime(fix.at) })),
      });
    }),
  ];
}
