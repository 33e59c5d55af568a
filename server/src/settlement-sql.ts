import { departmentIds, type DepartmentId } from '../../src/domain/department';
import type { Period } from '../../src/domain/indicators';
import type { DepartmentFigures, SettlementFigures } from '../../src/domain/settlement';
import type { Pool } from './db';
import { gridsOfUnitSql } from './routes/cases';
import type { Unit } from './units';

/**
 * The definitions of src/domain/settlement.ts (countSettlement, departmentFigures) as SQL over the cases of unit
 * $3 for the period [$1, $2). Supervision times are kept as the contract's text (migration 0007) and compared as
 * instants. A test (tests/contract, run against this server) checks a street's figures against those computed
 * from its `/cases`.
 */
const closedIn = `c.closed_at >= $1 AND c.closed_at < $2`;
const supervisedAt = `(c.supervision->>'at')::timestamptz`;

const settlementSql = `
  SELECT (r.path || g.id)[$4::int + 2] AS child, GROUPING((r.path || g.id)[$4::int + 2]) = 1 AS is_total,
    ${['grid', 'community', 'street', 'district', 'city']
      .map(
        (level) =>
          `count(*) FILTER (WHERE ${closedIn} AND c.resolved_at_level = '${level}')::int AS ${level}`,
      )
      .join(',\n    ')},
    count(*) FILTER (WHERE ${closedIn} AND c.resolved_at_level IN ('grid', 'community', 'street'))::int AS within_street,
    count(*) FILTER (WHERE ${closedIn} AND c.resolved_at_level IS NOT NULL)::int AS with_level,
    count(*) FILTER (WHERE ${closedIn})::int AS closed,
    count(*) FILTER (WHERE ${closedIn} AND jsonb_array_length(c.escalations) > 0)::int AS escalated,
    count(*) FILTER (WHERE ${supervisedAt} >= $1 AND ${supervisedAt} < $2)::int AS supervised,
    count(*) FILTER (WHERE ${closedIn} AND c.supervision IS NOT NULL)::int AS supervised_closed,
    count(*) FILTER (WHERE ${closedIn} AND c.closed_at <= (c.supervision->>'deadline')::timestamptz)::int
      AS supervision_met
  FROM cases c JOIN grids g ON g.id = c.grid_id JOIN regions r ON r.id = g.community_id
  WHERE c.grid_id IN (${gridsOfUnitSql('$3::text')})
    AND ((${closedIn}) OR (c.supervision IS NOT NULL AND ${supervisedAt} >= $1 AND ${supervisedAt} < $2))
  GROUP BY GROUPING SETS (((r.path || g.id)[$4::int + 2]), ())`;

/** Per department: closed in the period (on time, median handling time) and open past due at its end. */
const departmentsSql = `
  WITH unit_cases AS (
    SELECT c.department, c.reported_at, c.closed_at, c.due_at, ${closedIn} AS closed_in,
           (c.closed_at IS NULL OR c.closed_at >= $2) AND c.due_at < $2 AS overdue
    FROM cases c
    WHERE c.department IS NOT NULL AND c.reported_at < $2 AND (c.closed_at IS NULL OR c.closed_at >= $1)
      AND c.grid_id IN (${gridsOfUnitSql('$3::text')}))
  SELECT department,
         count(*) FILTER (WHERE closed_in)::int AS closed,
         count(*) FILTER (WHERE closed_in AND closed_at <= due_at)::int AS on_time,
         -- percentile_cont at 0.5: the middle one, or the mean of the middle two, as medianOfSorted
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - reported_at)::float8 * 1000)
           FILTER (WHERE closed_in) AS median_ms,
         count(*) FILTER (WHERE overdue)::int AS overdue
  FROM unit_cases WHERE closed_in OR overdue GROUP BY department`;

/** One count per column of settlementSql, for a child or (is_total) the unit. */
type SettlementRow = Partial<Record<string, number>> & { child: string | null; is_total: boolean };

const settlementOf = (row: SettlementRow | undefined): SettlementFigures => ({
  settledAt: {
    grid: row?.grid ?? 0,
    community: row?.community ?? 0,
    street: row?.street ?? 0,
    district: row?.district ?? 0,
    city: row?.city ?? 0,
  },
  withinStreet: { numerator: row?.within_street ?? 0, denominator: row?.with_level ?? 0 },
  escalationRate: { numerator: row?.escalated ?? 0, denominator: row?.closed ?? 0 },
  supervisedCases: row?.supervised ?? 0,
  supervisionMet: { numerator: row?.supervision_met ?? 0, denominator: row?.supervised_closed ?? 0 },
});

interface DepartmentRow {
  department: DepartmentId;
  closed: number;
  on_time: number;
  median_ms: number | null;
  overdue: number;
}

/**
 * The unit's settlement figures, each child's that has cases (the rest have none: `emptySettlement`), and the
 * unit's departments' figures (in the order of the department list).
 */
export async function unitHandling(
  pool: Pool,
  unit: Unit,
  period: Period,
): Promise<{
  settlement: SettlementFigures;
  childSettlement: Map<string, SettlementFigures>;
  departments: DepartmentFigures[];
}> {
  const args = [new Date(period.from), new Date(period.to), unit.id];
  const [settlement, departments] = await Promise.all([
    pool.query<SettlementRow>(settlementSql, [...args, unit.path.length - 1]),
    pool.query<DepartmentRow>(departmentsSql, args),
  ]);
  const children = settlement.rows.filter((row) => !row.is_total && row.child !== null);
  const byId = new Map(departments.rows.map((entry) => [entry.department, entry]));
  return {
    settlement: settlementOf(settlement.rows.find((row) => row.is_total)),
    childSettlement: new Map(children.map((row) => [row.child ?? '', settlementOf(row)])),
    departments: departmentIds.flatMap((id) => {
      const entry = byId.get(id);
      if (!entry) return [];
      return [
        {
          department: id,
          onTimeRate: { numerator: entry.on_time, denominator: entry.closed },
          medianHandlingMs: entry.median_ms,
          overdueCases: entry.overdue,
        },
      ];
    }),
  };
}
