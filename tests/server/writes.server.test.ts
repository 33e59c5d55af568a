import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridsSchema } from '../../src/contract/schemas/contract.schema';
import { parseFrames, type StreamEvent } from '../contract/contract-client';
import { insertCase, startServer, writerClient } from './server-harness';

/** Plan saves under concurrency, the grids' ETag, and the stream across two instances on one database. */
let first: FastifyInstance;
let second: FastifyInstance;
let firstBase = '';
let secondBase = '';
let writer: pg.Client;

beforeAll(async () => {
  ({ app: first, baseUrl: firstBase } = await startServer());
  ({ app: second, baseUrl: secondBase } = await startServer());
  writer = await writerClient();
});
afterAll(async () => {
  await writer.end();
  await Promise.all([first.close(), second.close()]);
});

async function communityPlan(base: string) {
  const all = gridsSchema.parse(await (await fetch(`${base}/grids`)).json()).features;
  const community = all.at(-1)?.properties.communityId ?? '';
  const response = await fetch(`${base}/grids?community=${community}`);
  const grids = gridsSchema.parse(await response.json()).features;
  const version = Math.max(...grids.map((grid) => grid.properties.version));
  return { community, grids, version, etag: response.headers.get('etag') ?? '' };
}

const save = (base: string, community: string, baseVersion: number, grids: unknown[], user: string) =>
  fetch(`${base}/grids?community=${community}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-gridboard-user': user },
    body: JSON.stringify({ baseVersion, grids: { type: 'FeatureCollection', features: grids } }),
  });

/** Read a stream until `done` says so (or the time runs out), keeping every event. */
async function collect(base: string, done: (events: StreamEvent[]) => boolean, timeoutMs = 20_000) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const events: StreamEvent[] = [];
  try {
    const response = await fetch(`${base}/cases/stream`, { signal: controller.signal });
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    while (reader && !done(events)) {
      const chunk = await reader.read();
      if (chunk.done) break;
      const parsed = parseFrames(buffer + chunk.value);
      buffer = parsed.rest;
      events.push(...parsed.events);
    }
  } catch (error) {
    if (!(error instanceof Error && error.name === 'AbortError')) throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}

const caseIdOf = (event: StreamEvent) =>
  (JSON.parse(event.data) as { properties: { id: string } }).properties.id;

describe('PUT /grids', () => {
  it('of six concurrent saves on one version, exactly one wins; the others get 409 with its version; one audit row', async () => {
    const { community, grids, version } = await communityPlan(firstBase);
    const before = await writer.query<{ count: string }>(
      'SELECT count(*) FROM grid_saves WHERE community_id = $1',
      [community],
    );
    const replies = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        save(index % 2 ? firstBase : secondBase, community, version, grids, `planner-${index}`),
      ),
    );
    const statuses = replies.map((reply) => reply.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409]);
    const bodies = (await Promise.all(replies.map((reply) => reply.json()))) as Record<string, number>[];
    const won = bodies.find((body) => 'version' in body);
    expect(won?.version).toBe(version + 1);
    for (const body of bodies.filter((item) => item !== won)) expect(body.currentVersion).toBe(version + 1);
    const audit = await writer.query<{ before_version: number; after_version: number; saved_by: string }>(
      'SELECT before_version, after_version, saved_by FROM grid_saves WHERE community_id = $1 ORDER BY id',
      [community],
    );
    expect(audit.rows.length).toBe(Number(before.rows[0]?.count) + 1);
    expect(audit.rows.at(-1)).toMatchObject({ before_version: version, after_version: version + 1 });
    expect(audit.rows.at(-1)?.saved_by).toMatch(/^planner-\d$/);
  });

  it('answers 304 to the ETag it sent until a save changes the grids', async () => {
    const { community, grids, version, etag } = await communityPlan(firstBase);
    expect(etag).toMatch(/^".+"$/);
    const again = await fetch(`${secondBase}/grids?community=${community}`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect((await save(firstBase, community, version, grids, 'planner')).status).toBe(200);
    const changed = await fetch(`${secondBase}/grids?community=${community}`, {
      headers: { 'if-none-match': etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('re-joins the community cases to the new grids in the save', async () => {
    const { community, grids, version } = await communityPlan(firstBase);
    const [kept, dropped, ...rest] = grids;
    if (!kept || !dropped) throw new Error('need two grids');
    const moved = await writer.query<{ id: string }>('SELECT id FROM cases WHERE grid_id = $1', [
      dropped.properties.id,
    ]);
    expect(moved.rows.length).toBeGreaterThan(0);
    // The first grid takes the second's area too: its outline becomes the union of both (from PostGIS).
    const union = await writer.query<{ geometry: string }>(
      `SELECT ST_AsGeoJSON(ST_Union(geom), 15) AS geometry FROM grids WHERE id = ANY ($1)`,
      [[kept.properties.id, dropped.properties.id]],
    );
    const merged = { ...kept, geometry: JSON.parse(union.rows[0]?.geometry ?? 'null') as unknown };
    const reply = await save(firstBase, community, version, [merged, ...rest], 'planner');
    expect(reply.status, await reply.clone().text()).toBe(200);
    const after = await writer.query<{ grid_id: string | null }>(
      'SELECT grid_id FROM cases WHERE id = ANY ($1)',
      [moved.rows.map((row) => row.id)],
    );
    expect(after.rows.every((row) => row.grid_id === kept.properties.id)).toBe(true);
  });
});

describe('GET /cases/stream on two instances', () => {
  it('a case another writer inserts reaches the streams of both instances', async () => {
    const inserted = new Set<string>();
    const both = (events: StreamEvent[]) => events.some((event) => inserted.has(caseIdOf(event)));
    const streams = Promise.all([collect(firstBase, both), collect(secondBase, both)]);
    // Keep writing until both streams have one of the inserted cases (they connect at their own pace).
    const writing = { on: true };
    void streams.finally(() => (writing.on = false));
    while (writing.on) {
      inserted.add(await insertCase(writer));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [fromFirst, fromSecond] = await streams;
    const firstIds = fromFirst.map(caseIdOf).filter((id) => inserted.has(id));
    const secondIds = fromSecond.map(caseIdOf).filter((id) => inserted.has(id));
    expect(firstIds.length).toBeGreaterThan(0);
    expect(secondIds.length).toBeGreaterThan(0);
    // Whatever both saw, they saw with the same event id: one numbering for every instance.
    const idsOf = (events: StreamEvent[]) => new Map(events.map((event) => [caseIdOf(event), event.id]));
    const firstMap = idsOf(fromFirst);
    for (const [caseId, eventId] of idsOf(fromSecond))
      if (firstMap.has(caseId)) expect(firstMap.get(caseId)).toBe(eventId);
  });
});
