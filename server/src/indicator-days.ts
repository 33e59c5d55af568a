import type { IndicatorFigures, Period } from '../../src/domain/indicators';
import type { Pool } from './db';
import type { Unit } from './units';

/**
 * The indicators of a city, district or street from the daily summary `case_days` (migration 0004), by the same
 * definitions as the client's `countCase` (src/domain/indicators.ts), exactly, for any instants.
 *
 * Every figure is a difference of counts "on or after instant b" (written ≥b) of one of a case's instants:
 * - reported in [f, t) = reported≥f − reported≥t; closed (resolved, rated, satisfied, on time) likewise;
 * - open at t (reported before t, not closed before t) = openEnd≥t − reported≥t, where openEnd is
 *   greatest(closed, reported), or infinity while open: every case has reported ≤ openEnd, so the cases with
 *   reported < t are those with openEnd < t plus the open ones;
 * - overdue at t (open at t and due before t) = overdueEnd≥t − overdueStart≥t, where overdueStart is
 *   greatest(reported, due) and overdueEnd greatest(closed, reported, due), or infinity while open.
 * A count ≥b is the summary's whole local days from the first day start at or after b, plus the cases between b and
 * that day start, counted one by one (an instant that is a day start, as every bucket boundary inside a period is,
 * has none: only a period's own ends cost a scan of under a day of cases).
 */
const measures = [
  'reported',
  'closed',
  'resolved',
  'rated',
  'satisfied',
  'on_time',
  'open_ends',
  'overdue_starts',
  'overdue_ends',
] as const;
type Counts = Record<(typeof measures)[number], number>;

const sums = measures.map((measure) => `sum(${measure})::int AS ${measure}`).join(', ');

/** Counts ≥ each instant ($1, ascending) per child (path index $3 + 2) of unit $2. */
const countsFromSql = `
  WITH instants AS (
    SELECT i.at, i.ord, china_day(i.at) + CASE WHEN china_day(i.at) = i.at THEN interval '0' ELSE interval '1 day' END AS whole_from
    FROM unnest($1::timestamptz[]) WITH ORDINALITY AS i (at, ord)),
  communities AS (
    SELECT id, path[$3::int + 2] AS child FROM regions WHERE level = 'community' AND $2::text = ANY (path)),
  days AS (
    SELECT c.child, s.day, ${measures.map((measure) => `sum(s.${measure}) AS ${measure}`).join(', ')}
    FROM case_days s JOIN communities c ON c.id = s.community_id
    WHERE s.day >= (SELECT min(whole_from) FROM instants)
    GROUP BY c.child, s.day),
  whole AS (
    SELECT i.ord, d.child, ${measures.map((measure) => `d.${measure}`).join(', ')}
    FROM instants i JOIN days d ON d.day >= i.whole_from),
  -- The part-day before each instant's first whole day: each of a case's instants found by its own index.
  part AS (
    SELECT i.ord, e.grid_id, e.measure, e.resolved, e.satisfaction, e.on_time
    FROM instants i CROSS JOIN LATERAL (
      SELECT grid_id, 'reported' AS measure, resolved, satisfaction, closed_at <= due_at AS on_time FROM cases
        WHERE reported_at >= i.at AND reported_at < i.whole_from
      UNION ALL
      SELECT grid_id, 'closed', resolved, satisfaction, closed_at <= due_at FROM cases
        WHERE closed_at >= i.at AND closed_at < i.whole_from
      UNION ALL
      SELECT grid_id, 'open_ends', resolved, satisfaction, NULL FROM cases
        WHERE closed_at IS NOT NULL
          AND greatest(closed_at, reported_at) >= i.at AND greatest(closed_at, reported_at) < i.whole_from
      UNION ALL
      SELECT grid_id, 'overdue_starts', resolved, satisfaction, NULL FROM cases
        WHERE greatest(reported_at, due_at) >= i.at AND greatest(reported_at, due_at) < i.whole_from
      UNION ALL
      SELECT grid_id, 'overdue_ends', resolved, satisfaction, NULL FROM cases
        WHERE closed_at IS NOT NULL AND greatest(closed_at, reported_at, due_at) >= i.at
          AND greatest(closed_at, reported_at, due_at) < i.whole_from) e
    WHERE i.at < i.whole_from),
  parts AS (
    SELECT p.ord, c.child,
      count(*) FILTER (WHERE measure = 'reported') AS reported,
      count(*) FILTER (WHERE measure = 'closed') AS closed,
      count(*) FILTER (WHERE measure = 'closed' AND resolved) AS resolved,
      count(*) FILTER (WHERE measure = 'closed' AND satisfaction IS NOT NULL) AS rated,
      count(*) FILTER (WHERE measure = 'closed' AND satisfaction <> 'dissatisfied') AS satisfied,
      count(*) FILTER (WHERE measure = 'closed' AND on_time) AS on_time,
      count(*) FILTER (WHERE measure = 'open_ends') AS open_ends,
      count(*) FILTER (WHERE measure = 'overdue_starts') AS overdue_starts,
      count(*) FILTER (WHERE measure = 'overdue_ends') AS overdue_ends
    FROM part p JOIN grids g ON g.id = p.grid_id JOIN communities c ON c.id = g.community_id
    GROUP BY p.ord, c.child)
  SELECT ord::int, child, ${sums} FROM (SELECT * FROM whole UNION ALL SELECT * FROM parts) x GROUP BY ord, child`;

/** Whether a unit's figures come from the summary: its children are regions, each made of whole communities. */
export const summarisedLevels: ReadonlySet<Unit['level']> = new Set(['city', 'district', 'street']);

const noCounts = (): Counts => Object.fromEntries(measures.map((measure) => [measure, 0])) as Counts;

const add = (total: Counts, more: Counts) => {
  for (const measure of measures) total[measure] += more[measure];
};

/** Figures (volunteer hours apart) of [from, to) from the counts ≥ from and ≥ to. */
function figuresBetween(from: Counts, to: Counts): IndicatorFigures {
  const closed = from.closed - to.closed;
  return {
    casesReported: from.reported - to.reported,
    casesClosed: closed,
    openCases: to.open_ends - to.reported,
    overdueCases: to.overdue_ends - to.overdue_starts,
    resolutionRate: { numerator: from.resolved - to.resolved, denominator: closed },
    satisfactionRate: { numerator: from.satisfied - to.satisfied, denominator: from.rated - to.rated },
    onTimeRate: { numerator: from.on_time - to.on_time, denominator: closed },
    volunteerHours: 0,
  };
}

/**
 * The unit's figures over `period`, per bucket, and per child (children without cases are left out), from one
 * query over the summary. The buckets must tile the period (periodsOf's do).
 */
export async function summarisedFigures(pool: Pool, unit: Unit, period: Period, buckets: readonly Period[]) {
  const instants = [...new Set([period.from, ...buckets.map((bucket) => bucket.to), period.to])].sort(
    (a, b) => a - b,
  );
  const { rows } = await pool.query<Counts & { ord: number; child: string }>(countsFromSql, [
    instants.map((at) => new Date(at)),
    unit.id,
    unit.path.length - 1,
  ]);
  const total = instants.map(noCounts);
  const byChild = new Map<string, Counts[]>();
  for (const row of rows) {
    add(total[row.ord - 1] ?? noCounts(), row);
    const child = byChild.get(row.child) ?? instants.map(noCounts);
    add(child[row.ord - 1] ?? noCounts(), row);
    byChild.set(row.child, child);
  }
  const at = (counts: Counts[], instant: number) => counts[instants.indexOf(instant)] ?? noCounts();
  const between = (counts: Counts[], span: Period) =>
    figuresBetween(at(counts, span.from), at(counts, span.to));
  return {
    figures: between(total, period),
    series: buckets.map((bucket) => between(total, bucket)),
    children: new Map([...byChild].map(([child, counts]) => [child, between(counts, period)])),
  };
}
