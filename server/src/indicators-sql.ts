import type { IndicatorFigures, Period } from '../../src/domain/indicators';
import type { Pool } from './db';
import { summarisedFigures, summarisedLevels } from './indicator-days';
import { gridsOfUnitSql } from './routes/cases';
import type { Unit } from './units';

/**
 * The indicator definitions of src/domain/indicators.ts (countCase), as SQL aggregates over `unit_cases` for the
 * period [f, t): the same counts, so a parent's figures are the sum of its children's here too. A test
 * (tests/server/indicators.server.test.ts) checks them against the client's computation over the same cases. A
 * community's or a grid's few cases are counted here one by one; a street and above read the daily summary
 * (indicator-days.ts).
 */
const figureColumns = (f: string, t: string) => {
  const closedIn = `closed_at >= ${f} AND closed_at < ${t}`;
  const openAtEnd = `reported_at < ${t} AND (closed_at IS NULL OR closed_at >= ${t})`;
  return `
    count(*) FILTER (WHERE reported_at >= ${f} AND reported_at < ${t})::int AS cases_reported,
    count(*) FILTER (WHERE ${closedIn})::int AS cases_closed,
    count(*) FILTER (WHERE ${closedIn} AND resolved)::int AS resolved,
    count(*) FILTER (WHERE ${closedIn} AND satisfaction IS NOT NULL)::int AS rated,
    count(*) FILTER (WHERE ${closedIn} AND satisfaction IS NOT NULL AND satisfaction <> 'dissatisfied')::int AS satisfied,
    count(*) FILTER (WHERE ${closedIn} AND closed_at <= due_at)::int AS on_time,
    count(*) FILTER (WHERE ${openAtEnd})::int AS open_cases,
    count(*) FILTER (WHERE ${openAtEnd} AND due_at < ${t})::int AS overdue_cases`;
};

/**
 * The unit's cases that count in the period [$1, $2), each with the child unit it lies in ($3 unit, $4 depth):
 * reported before its end and not closed before its start. A case closed before the start is in no figure of
 * the period or of any of its buckets (not reported, closed or open in them), and leaving it out keeps a
 * province's year of closed cases out of every query (the load test, docs/performance.md).
 */
const unitCases = `
  unit_cases AS (
    SELECT c.reported_at, c.closed_at, c.due_at, c.resolved, c.satisfaction,
           (r.path || g.id)[$4::int + 2] AS child
    FROM cases c JOIN grids g ON g.id = c.grid_id JOIN regions r ON r.id = g.community_id
    WHERE c.reported_at < $2::timestamptz AND (c.closed_at IS NULL OR c.closed_at >= $1::timestamptz)
      AND c.grid_id IN (${gridsOfUnitSql('$3::text')}))`;

/** Figures of the unit ($1..$2) and of each child that has cases. */
const unitFiguresSql = `
  WITH ${unitCases}
  SELECT child, GROUPING(child) = 1 AS is_total, ${figureColumns('$1', '$2')}
  FROM unit_cases GROUP BY GROUPING SETS ((child), ())`;

/** The series: figures per bucket ($5 starts, $6 ends). */
const seriesFiguresSql = `
  WITH ${unitCases}
  SELECT b.start, ${figureColumns('b.start', 'b.stop')}
  FROM unnest($5::timestamptz[], $6::timestamptz[]) AS b (start, stop)
  -- Likewise per bucket: a case closed before the bucket's start is in none of its figures.
  LEFT JOIN unit_cases ON unit_cases.reported_at < b.stop
    AND (unit_cases.closed_at IS NULL OR unit_cases.closed_at >= b.start)
  WHERE $1::timestamptz IS NOT NULL -- the period's start bounds the buckets already; typed for the driver
  GROUP BY b.start ORDER BY b.start`;

/**
 * Volunteer hours per bucket ($1 starts, $2 ends) of every community below (or at) unit $3 and, when $4, every
 * grid's share of its community's hours by population with the largest-remainder method (whole hours summing
 * exactly to the community's), as mocks/api/unit-volunteer-hours.ts shares them.
 */
export const volunteerHoursSql = `
  WITH communities AS (SELECT id, path FROM regions WHERE level = 'community' AND $3 = ANY (path)
                       UNION SELECT r.id, r.path FROM grids g JOIN regions r ON r.id = g.community_id WHERE g.id = $3),
  totals AS (SELECT b.start, c.id, c.path, coalesce(sum(v.hours), 0)::float8 AS total
             FROM unnest($1::timestamptz[], $2::timestamptz[]) AS b (start, stop) CROSS JOIN communities c
             LEFT JOIN volunteer_hours v ON v.community_id = c.id AND v.day >= b.start AND v.day < b.stop
             GROUP BY b.start, c.id, c.path),
  sizes AS (SELECT community_id, sum(population)::float8 AS population, count(*) AS grids
            FROM grids WHERE $4 GROUP BY community_id),
  exact AS (SELECT t.start, g.id, g.sort, t.id AS community_id, t.path, t.total,
                   CASE WHEN s.population > 0 THEN t.total * g.population / s.population ELSE t.total / s.grids END AS exact
            FROM totals t JOIN grids g ON g.community_id = t.id JOIN sizes s ON s.community_id = t.id),
  ranked AS (SELECT start, id, path, floor(exact) AS share,
                    row_number() OVER (PARTITION BY start, community_id ORDER BY exact - floor(exact) DESC, sort) AS rank,
                    total - sum(floor(exact)) OVER (PARTITION BY start, community_id) AS left_over
             FROM exact)
  SELECT start, 'community' AS kind, id, path, total::int AS hours FROM totals
  UNION ALL
  SELECT start, 'grid', id, path || id, (share + CASE WHEN rank <= left_over THEN 1 ELSE 0 END)::int FROM ranked`;

interface FigureRow {
  cases_reported: number;
  cases_closed: number;
  resolved: number;
  rated: number;
  satisfied: number;
  on_time: number;
  open_cases: number;
  overdue_cases: number;
}

const figuresOf = (row: FigureRow | undefined): IndicatorFigures => ({
  casesReported: row?.cases_reported ?? 0,
  casesClosed: row?.cases_closed ?? 0,
  openCases: row?.open_cases ?? 0,
  overdueCases: row?.overdue_cases ?? 0,
  resolutionRate: { numerator: row?.resolved ?? 0, denominator: row?.cases_closed ?? 0 },
  satisfactionRate: { numerator: row?.satisfied ?? 0, denominator: row?.rated ?? 0 },
  onTimeRate: { numerator: row?.on_time ?? 0, denominator: row?.cases_closed ?? 0 },
  volunteerHours: 0,
});

/** A community's or a grid's figures, counted from its cases. */
async function countedFigures(pool: Pool, unit: Unit, period: Period, buckets: readonly Period[]) {
  const unitArgs = [new Date(period.from), new Date(period.to), unit.id, unit.path.length - 1];
  const [figures, series] = await Promise.all([
    pool.query<FigureRow & { child: string | null; is_total: boolean }>(unitFiguresSql, unitArgs),
    pool.query<FigureRow & { start: Date }>(seriesFiguresSql, [
      ...unitArgs,
      buckets.map((bucket) => new Date(bucket.from)),
      buckets.map((bucket) => new Date(bucket.to)),
    ]),
  ]);
  const children = figures.rows.filter((row) => !row.is_total && row.child !== null);
  return {
    figures: figuresOf(figures.rows.find((row) => row.is_total)),
    series: series.rows.map((row) => figuresOf(row)),
    children: new Map(children.map((row) => [row.child ?? '', figuresOf(row)])),
  };
}

/**
 * The unit's figures over the period, per bucket (in order) and per child that has cases, volunteer hours apart:
 * from the daily summary for a street and above, from the cases themselves for a community or a grid.
 */
export function unitFigures(
  pool: Pool,
  unit: Unit,
  period: Period,
  buckets: readonly Period[],
): Promise<{
  figures: IndicatorFigures;
  series: IndicatorFigures[];
  children: Map<string, IndicatorFigures>;
}> {
  return summarisedLevels.has(unit.level)
    ? summarisedFigures(pool, unit, period, buckets)
    : countedFigures(pool, unit, period, buckets);
}
