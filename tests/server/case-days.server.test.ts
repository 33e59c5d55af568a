import { describe, expect, it } from 'vitest';
import {
  casesSchema,
  gridsSchema,
  indicatorsSchema,
  regionsSchema,
} from '../../src/contract/schemas/contract.schema';
import { periodsOf, seriesOfCases } from '../../src/domain/indicator-series';
import { figuresOfCases } from '../../src/domain/indicators';
import { chinaOffsetMinutes } from '../../src/domain/china-time';
import { insertCase, mergeFirstTwo, serverOnCopiedDatabase } from './server-harness';

/**
 * The daily summary the indicators of a street and above are read from (migration 0004) stays equal to the cases
 * through writes: new cases, a case closed, a case deleted, and a plan save that re-joins a community's cases. Checked
 * twice: the table against itself rebuilt from the cases, and a district's figures, series and children against
 * the client's own computation (figuresOfCases, seriesOfCases) over the cases the server lists.
 */
const server = serverOnCopiedDatabase('case_days');

const getJson = async (path: string): Promise<unknown> => {
  const reply = await fetch(`${server.base}${path}`);
  expect(reply.status, path).toBe(200);
  return reply.json();
};

/** The summary's rows (zero rows left out), and the same rebuilt from the cases, in one order. */
async function summaryAndRebuilt() {
  const columns = `community_id, day, reported, closed, resolved, rated, satisfied, on_time, open_ends,
                   overdue_starts, overdue_ends`;
  const nonZero = `reported <> 0 OR closed <> 0 OR open_ends <> 0 OR overdue_starts <> 0 OR overdue_ends <> 0`;
  const kept = await server.db.query(`SELECT ${columns} FROM case_days WHERE ${nonZero} ORDER BY 1, 2`);
  await server.db.query('BEGIN');
  await server.db.query('SELECT rebuild_case_days()');
  const rebuilt = await server.db.query(`SELECT ${columns} FROM case_days WHERE ${nonZero} ORDER BY 1, 2`);
  await server.db.query('ROLLBACK');
  return { kept: kept.rows, rebuilt: rebuilt.rows };
}

/** A community with at least two grids and cases, its district, and its grids as the server sends them. */
async function busyCommunity() {
  const { rows } = await server.db.query<{ id: string; district: string }>(
    `SELECT r.id, r.path[2] AS district FROM regions r JOIN grids g ON g.community_id = r.id
     JOIN cases c ON c.grid_id = g.id GROUP BY r.id HAVING count(DISTINCT g.id) >= 2 ORDER BY r.sort LIMIT 1`,
  );
  const row = rows[0];
  if (!row) throw new Error('no community with two grids holding cases');
  const grids = gridsSchema.parse(await getJson(`/grids?community=${row.id}`)).features;
  return { ...row, grids, version: Math.max(...grids.map((grid) => grid.properties.version)) };
}

describe('the indicators’ daily summary', () => {
  it('stays equal to the cases through new, closed and deleted cases and a plan save', async () => {
    const { id, district, grids, version } = await busyCommunity();
    await insertCase(server.db, '-a');
    const added = await insertCase(server.db, '-b');
    // Closed now, overdue on the way: every instant the summary keeps moves.
    await server.db.query(
      `UPDATE cases SET status = 'closed', closed_at = date_trunc('second', now()), resolved = true,
       satisfaction = 'satisfied', due_at = reported_at - interval '1 hour' WHERE id = $1`,
      [added],
    );
    await server.db.query(
      'DELETE FROM cases WHERE id = (SELECT id FROM cases WHERE status <> $1 ORDER BY reported_at LIMIT 1)',
      ['closed'],
    );
    // Merge the community's first two grids: the second's cases move to the first in the save.
    const { rest, merged } = await mergeFirstTwo(server.db, grids);
    const saved = await fetch(`${server.base}/grids?community=${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        baseVersion: version,
        grids: { type: 'FeatureCollection', features: [merged, ...rest] },
      }),
    });
    expect(saved.status, await saved.clone().text()).toBe(200);

    const { kept: summary, rebuilt } = await summaryAndRebuilt();
    expect(summary.length).toBeGreaterThan(0);
    expect(summary).toEqual(rebuilt);

    // A period that starts and ends inside a day, daily buckets: the summary's whole days and part days both count.
    const to = Date.now() + 60_000;
    const from = to - 20 * 86_400_000 - 3_600_000;
    const window = `from=${encodeURIComponent(new Date(from).toISOString())}&to=${encodeURIComponent(new Date(to).toISOString())}`;
    const indicators = indicatorsSchema.parse(
      await getJson(`/indicators?region=${district}&${window}&interval=day`),
    );
    const casesOf = async (unit: string) =>
      casesSchema
        .parse(
          await getJson(
            `/cases?from=2000-01-01&to=${encodeURIComponent(new Date(to).toISOString())}&region=${unit}`,
          ),
        )
        .features.map((feature) => feature.properties);
    const period = { from, to };
    const all = await casesOf(district);
    expect(all.some((facts) => facts.id === added)).toBe(true);
    const hoursApart = <T extends { volunteerHours: number }>(figures: T) => ({
      ...figures,
      volunteerHours: 0,
    });
    expect(hoursApart(indicators.figures)).toEqual(figuresOfCases(all, period));
    expect(indicators.series.map((bucket) => hoursApart(bucket.figures))).toEqual(
      seriesOfCases(all, periodsOf(period, 'day', chinaOffsetMinutes)),
    );
    const streets = regionsSchema
      .parse(await getJson('/regions'))
      .features.filter((region) => region.properties.parentId === district);
    expect(indicators.children.map((child) => child.id).sort()).toEqual(
      streets.map((street) => street.properties.id).sort(),
    );
    for (const child of indicators.children)
      expect(hoursApart(child.figures), child.id).toEqual(figuresOfCases(await casesOf(child.id), period));
  });
});
