import pg from 'pg';
import { createMockState } from '../../mocks/api/mock-state';
import { demoDepartments } from '../../mocks/cases/departments';
import { demoCameraStreams } from '../../mocks/city/camera-streams';
import type { DemoCity } from '../../mocks/demo-city';
import { chinaDayStart, dayMs } from '../../src/domain/china-time';
import { seedWorkers, type FixWindow } from './seed-workers';

/** The whole China day of `now`: the demo's patrol fixes, served as the clock passes them. */
export const wholeDayOf = (now: number): FixWindow => {
  const start = chinaDayStart(now);
  return { from: start, until: start + dayMs - 1 };
};

/**
 * Load the demo city (the generator's output, public/demo-city/) into an empty, migrated database: its geography
 * as generated, the cases and volunteer hours the mock API would serve at `now`, and its grid workers with the
 * position fixes of `fixes` (the whole day by default), so the server answers what the mock answers. The history
 * is loaded without stream events (gridboard.loading).
 */
export async function seedDemoCity(
  databaseUrl: string,
  city: DemoCity,
  now: number,
  fixes: FixWindow = wholeDayOf(now),
): Promise<{ cases: number; workers: number; fixes: number }> {
  const state = createMockState({ city, now: new Date(now), validateResponses: false });
  state.cases.catchUp(now);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query("SET LOCAL gridboard.loading = 'on'");
    await client.query(
      'TRUNCATE city, regions, grids, cameras, stations, cases, departments, volunteer_hours, case_events, grid_saves, workers, worker_grids, worker_fixes CASCADE',
    );
    const { meta } = city;
    await client.query('INSERT INTO city (name, city, crs, attribution) VALUES ($1, $2, $3, $4)', [
      meta.name,
      meta.city,
      meta.crs,
      meta.attribution ?? null,
    ]);
    const regions = city.regions.features.map((feature) => feature.properties);
    const parentOf = new Map(
      regions.map((region) => [region.id as string, region.parentId as string | null]),
    );
    const pathOf = (id: string): string[] => {
      const parent = parentOf.get(id);
      return parent ? [...pathOf(parent), id] : [id];
    };
    // Parents before children, for the foreign key.
    const ordered = city.regions.features
      .map((feature, sort) => ({ feature, sort, path: pathOf(feature.properties.id) }))
      .sort((a, b) => a.path.length - b.path.length);
    await client.query(
      `INSERT INTO regions (id, name, level, parent_id, path, sort, geom)
       SELECT id, name, level, parent_id, string_to_array(path, ','), sort, ST_SetSRID(ST_GeomFromGeoJSON(geometry), 4326)
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[])
            AS r (id, name, level, parent_id, path, sort, geometry) ORDER BY array_length(string_to_array(path, ','), 1)`,
      [
        ordered.map(({ feature }) => feature.properties.id),
        ordered.map(({ feature }) => feature.properties.name),
        ordered.map(({ feature }) => feature.properties.level),
        ordered.map(({ feature }) => feature.properties.parentId),
        ordered.map(({ path }) => path.join(',')),
        ordered.map(({ sort }) => sort),
        ordered.map(({ feature }) => JSON.stringify(feature.geometry)),
      ],
    );
    // 1,000 places per community keep a saved plan's grids where the community's were (routes/grid-save.ts).
    const communityPlace = new Map<string, number>();
    for (const { properties } of city.grids.features)
      if (!communityPlace.has(properties.communityId))
        communityPlace.set(properties.communityId, communityPlace.size);
    const gridSorts = new Map<string, number>();
    const sorted = city.grids.features.map((feature) => {
      const place = (communityPlace.get(feature.properties.communityId) ?? 0) * 1000;
      const index = gridSorts.get(feature.properties.communityId) ?? 0;
      gridSorts.set(feature.properties.communityId, index + 1);
      return { feature, sort: place + index + 1 };
    });
    await client.query(
      `INSERT INTO grids (id, code, name, community_id, type, households, population, worker_name, version, sort, geom)
       SELECT id, code, name, community_id, type, households, population, worker_name, version, sort,
              ST_SetSRID(ST_GeomFromGeoJSON(geometry), 4326)
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::text[], $9::int[], $10::int[], $11::text[])
            AS g (id, code, name, community_id, type, households, population, worker_name, version, sort, geometry)`,
      [
        sorted.map(({ feature }) => feature.properties.id),
        sorted.map(({ feature }) => feature.properties.code),
        sorted.map(({ feature }) => feature.properties.name),
        sorted.map(({ feature }) => feature.properties.communityId),
        sorted.map(({ feature }) => feature.properties.type),
        sorted.map(({ feature }) => feature.properties.households),
        sorted.map(({ feature }) => feature.properties.population),
        sorted.map(({ feature }) => feature.properties.workerName),
        sorted.map(({ feature }) => feature.properties.version),
        sorted.map(({ sort }) => sort),
        sorted.map(({ feature }) => JSON.stringify(feature.geometry)),
      ],
    );
    const cameras = city.cameras.features;
    // The demo's stream URLs, the mock's (mocks/city/camera-streams.ts): served by the dashboard's own origin.
    const streams = cameras.map((camera) => demoCameraStreams(camera.properties));
    await client.query(
      `INSERT INTO cameras (id, name, status, purpose, grid_id, sort, geom, stream_url, snapshot_url)
       SELECT id, name, status, purpose, grid_id, sort, ST_SetSRID(ST_MakePoint(x, y), 4326), stream_url, snapshot_url
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::float8[], $8::float8[],
                   $9::text[], $10::text[])
            AS c (id, name, status, purpose, grid_id, sort, x, y, stream_url, snapshot_url)`,
      [
        cameras.map((camera) => camera.properties.id),
        cameras.map((camera) => camera.properties.name),
        cameras.map((camera) => camera.properties.status),
        cameras.map((camera) => camera.properties.purpose),
        cameras.map((camera) => camera.properties.gridId),
        cameras.map((_, index) => index),
        cameras.map((camera) => camera.geometry.coordinates[0]),
        cameras.map((camera) => camera.geometry.coordinates[1]),
        streams.map((stream) => stream.streamUrl ?? null),
        streams.map((stream) => stream.snapshotUrl ?? null),
      ],
    );
    const stations = city.stations.features;
    await client.query(
      `INSERT INTO stations (id, name, kind, level, address, phone, hours, sort, geom)
       SELECT id, name, kind, level, address, phone, hours, sort, ST_SetSRID(ST_MakePoint(x, y), 4326)
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::float8[], $10::float8[])
            AS s (id, name, kind, level, address, phone, hours, sort, x, y)`,
      [
        stations.map((station) => station.properties.id),
        stations.map((station) => station.properties.name),
        stations.map((station) => station.properties.kind),
        stations.map((station) => station.properties.level),
        stations.map((station) => station.properties.address),
        stations.map((station) => station.properties.phone),
        stations.map((station) => station.properties.hours),
        stations.map((_, index) => index),
        stations.map((station) => station.geometry.coordinates[0]),
        stations.map((station) => station.geometry.coordinates[1]),
      ],
    );
    await client.query(
      `INSERT INTO departments (id, name, categories, sort)
       SELECT id, name, string_to_array(categories, ','), sort FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])
            AS d (id, name, categories, sort)`,
      [
        demoDepartments.map((department) => department.id),
        demoDepartments.map((department) => department.name),
        demoDepartments.map((department) => department.categories.join(',')),
        demoDepartments.map((_, index) => index),
      ],
    );
    const cases = state.cases.records.map((record) => record.wire);
    await client.query(
      `INSERT INTO cases (id, title, channel, category, status, reported_at, due_at, closed_at, resolved, satisfaction,
                          grid_id, stage_times, geom, department, assignee, resolved_at_level, escalations, supervision)
       SELECT id, title, channel, category, status, reported_at, due_at, closed_at, resolved, satisfaction, grid_id,
              stage_times::jsonb, ST_SetSRID(ST_MakePoint(x, y), 4326), department, assignee, resolved_at_level,
              escalations::jsonb, supervision::jsonb
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[],
                   $8::timestamptz[], $9::boolean[], $10::text[], $11::text[], $12::text[], $13::float8[], $14::float8[],
                   $15::text[], $16::text[], $17::text[], $18::text[], $19::text[])
            AS c (id, title, channel, category, status, reported_at, due_at, closed_at, resolved, satisfaction, grid_id,
                  stage_times, x, y, department, assignee, resolved_at_level, escalations, supervision)`,
      [
        cases.map((item) => item.properties.id),
        cases.map((item) => item.properties.title),
        cases.map((item) => item.properties.channel),
        cases.map((item) => item.properties.category),
        cases.map((item) => item.properties.status),
        cases.map((item) => item.properties.reportedAt),
        cases.map((item) => item.properties.dueAt),
        cases.map((item) => item.properties.closedAt),
        cases.map((item) => item.properties.resolved),
        cases.map((item) => item.properties.satisfaction),
        cases.map((item) => item.properties.gridId),
        cases.map((item) => JSON.stringify(item.properties.stageTimes ?? {})),
        cases.map((item) => item.geometry.coordinates[0]),
        cases.map((item) => item.geometry.coordinates[1]),
        cases.map((item) => item.properties.department),
        cases.map((item) => item.properties.assignee),
        cases.map((item) => item.properties.resolvedAtLevel),
        cases.map((item) => JSON.stringify(item.properties.escalations)),
        cases.map((item) =>
          item.properties.supervision ? JSON.stringify(item.properties.supervision) : null,
        ),
      ],
    );
    const log = state.volunteers;
    const communities: string[] = [];
    const days: Date[] = [];
    const hours: number[] = [];
    for (const [communityId, cumulative] of log.cumulativeByCommunity) {
      for (let day = 0; day < log.days; day += 1) {
        const logged = (cumulative[day + 1] ?? 0) - (cumulative[day] ?? 0);
        if (logged === 0) continue;
        communities.push(communityId);
        days.push(new Date(log.firstDayMs + day * dayMs));
        hours.push(logged);
      }
    }
    await client.query(
      `INSERT INTO volunteer_hours (community_id, day, hours)
       SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::int[])`,
      [communities, days, hours],
    );
    const workers = await seedWorkers(client, state.workers, fixes);
    await client.query('COMMIT');
    // VACUUM as well for the fixes: it marks their pages all-visible, so a worker's latest fix is read from the
    // key's index alone (an index-only scan), not from the table's pages.
    await client.query('VACUUM (ANALYZE) worker_fixes');
    await client.query('ANALYZE');
    return { cases: cases.length, ...workers };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
