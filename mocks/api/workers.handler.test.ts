import { getResponse } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  workerPositionsSchema,
  workersSchema,
  workerTrackSchema,
} from '../../src/contract/schemas/workers.schema';
import { loadDemoCity } from '../node';
import { createMockApi } from './handlers';

/** The workers' calls as a client sees them: answers the contract's schemas accept, errors with their codes. */
const base = 'http://127.0.0.1/api';
let handlers: ReturnType<typeof createMockApi>['handlers'];

beforeAll(async () => {
  const city = await loadDemoCity();
  handlers = createMockApi({ city, baseUrl: base, now: new Date('2026-11-23T10:15:00+08:00') }).handlers;
});

const get = async (path: string) => {
  const response = await getResponse(handlers, new Request(`${base}${path}`));
  if (!response) throw new Error(`no handler for ${path}`);
  return { status: response.status, body: (await response.json()) as unknown };
};

describe('the workers calls', () => {
  it('serve a roster and one position per worker that parse with the contract', async () => {
    const roster = workersSchema.parse((await get('/workers')).body);
    const positions = workerPositionsSchema.parse((await get('/workers/positions')).body);
    expect(positions.features.map((feature) => feature.properties.id).sort()).toEqual(
      roster.workers.map((worker) => worker.id).sort(),
    );
  });
  it("serve a worker's track of the day, in time order, up to now", async () => {
    const roster = workersSchema.parse((await get('/workers')).body);
    const worker = roster.workers.find((item) => item.onDuty && item.employment === 'full_time')!;
    const track = workerTrackSchema.parse((await get(`/workers/${worker.id}/track?date=2026-11-23`)).body);
    expect(track.points.length).toBeGreaterThan(90);
    expect(Date.parse(track.points.at(-1)!.at)).toBeLessThanOrEqual(Date.parse('2026-11-23T10:15:00+08:00'));
  });
  it('mask names and leave phones out for a public view, and refuse any other personal value', async () => {
    const full = (await get('/workers')).body as { workers: { id: string; name: string; phone?: string }[] };
    const masked = (await get('/workers?personal=masked')).body as typeof full;
    expect(masked.workers.map((worker) => worker.id)).toEqual(full.workers.map((worker) => worker.id));
    const [first] = full.workers;
    // Counted here: the surname kept, one star for each other character; no phone key at all.
    expect(masked.workers[0]).not.toHaveProperty('phone');
    expect(masked.workers[0]!.name).toBe(
      `${Array.from(first!.name)[0]}${'*'.repeat(Array.from(first!.name).length - 1)}`,
    );
    expect(JSON.stringify(masked)).not.toContain(first!.phone);
    expect(await get('/workers?personal=all')).toMatchObject({
      status: 400,
      body: { error: 'bad_parameter' },
    });
  });
  it('answer a malformed date with 400 bad_date and an unknown worker with 404 not_found', async () => {
    const roster = workersSchema.parse((await get('/workers')).body);
    const id = roster.workers[0]!.id;
    expect(await get(`/workers/${id}/track?date=23.11.2026`)).toMatchObject({
      status: 400,
      body: { error: 'bad_date' },
    });
    expect(await get('/workers/nobody/track?date=2026-11-23')).toMatchObject({
      status: 404,
      body: { error: 'not_found' },
    });
  });
});
