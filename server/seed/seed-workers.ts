import type pg from 'pg';
import type { WorkerStore } from '../../mocks/workers/worker-store';

/**
 * Which position fixes to load: those a feed would have delivered from `from` to `until` (ms), one China day.
 * The whole day lets the server play the day out as the clock passes (a fix is served once its time has come);
 * the tests load a window around their run instead (a whole day is 1.85 M fixes, ~45 s to make and load here).
 */
export interface FixWindow {
  from: number;
  until: number;
}

/** Rows per INSERT: the driver sends each column as one array literal. */
const fixesPerStatement = 100_000;

/**
 * The mock's roster (mocks/workers, the same generators, the same day) and the fixes of `window`: each worker's
 * latest fix at its start (his grid's office the evening before when he has none yet), then his patrol's.
 */
export async function seedWorkers(
  client: pg.ClientBase,
  store: WorkerStore,
  window: FixWindow,
): Promise<{ workers: number; fixes: number }> {
  const feed = store.feed(window.from, window.until);
  const roster = feed.map(({ worker }) => worker);
  await client.query(
    `INSERT INTO workers (id, name, phone, employment, on_duty, sort)
     SELECT id, name, phone, employment, on_duty, sort
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[]) WITH ORDINALITY
          AS w (id, name, phone, employment, on_duty, sort)`,
    [
      roster.map((worker) => worker.id),
      roster.map((worker) => worker.name),
      roster.map((worker) => worker.phone),
      roster.map((worker) => worker.employment),
      roster.map((worker) => worker.onDuty),
    ],
  );
  const memberships = roster.flatMap((worker) =>
    worker.gridIds.map((gridId, place) => ({ workerId: worker.id, gridId, place })),
  );
  await client.query(
    `INSERT INTO worker_grids (worker_id, grid_id, place)
     SELECT * FROM unnest($1::text[], $2::text[], $3::smallint[])`,
    [
      memberships.map((item) => item.workerId),
      memberships.map((item) => item.gridId),
      memberships.map((item) => item.place),
    ],
  );
  // In the key's order (worker, then time): the index grows at its end instead of splitting pages everywhere.
  const fixes = [...feed]
    .sort((a, b) => (a.worker.id < b.worker.id ? -1 : a.worker.id > b.worker.id ? 1 : 0))
    .flatMap(({ worker, fixes: own }) => own.map((fix) => ({ id: worker.id, ...fix })));
  for (let start = 0; start < fixes.length; start += fixesPerStatement) {
    const part = fixes.slice(start, start + fixesPerStatement);
    await client.query(
      `INSERT INTO worker_fixes (worker_id, at, geom)
       SELECT id, to_timestamp(at / 1000.0), ST_SetSRID(ST_MakePoint(x, y), 4326)
       FROM unnest($1::text[], $2::float8[], $3::float8[], $4::float8[]) AS f (id, at, x, y)`,
      [
        part.map((fix) => fix.id),
        part.map((fix) => fix.at),
        part.map((fix) => fix.position[0]),
        part.map((fix) => fix.position[1]),
      ],
    );
  }
  return { workers: roster.length, fixes: fixes.length };
}
