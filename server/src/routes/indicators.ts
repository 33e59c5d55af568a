import type { FastifyInstance } from 'fastify';
import { intervals } from '../../../src/contract/schemas/contract.schema';
import { BadParameter, readPeriod, readWords } from '../../../src/contract/query-params';
import { periodsOf } from '../../../src/domain/indicator-series';
import type { IndicatorFigures, Period } from '../../../src/domain/indicators';
import { searchParams, type ServerContext } from '../app';
import { chinaOffsetMinutes, dayMs, formatContractTime } from '../china-time';
import type { Pool } from '../db';
import { seriesFiguresSql, unitFiguresSql, volunteerHoursSql } from '../indicators-sql';
import { readUnit, rootUnit, type Unit } from '../units';

/** A daily series over ten years is already more than any chart shows; beyond this the request is refused. */
const maxBuckets = 3_700;
const defaultIndicatorDays = 30;

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

const figuresOf = (row: FigureRow | undefined, volunteerHours: number): IndicatorFigures => ({
  casesReported: row?.cases_reported ?? 0,
  casesClosed: row?.cases_closed ?? 0,
  openCases: row?.open_cases ?? 0,
  overdueCases: row?.overdue_cases ?? 0,
  resolutionRate: { numerator: row?.resolved ?? 0, denominator: row?.cases_closed ?? 0 },
  satisfactionRate: { numerator: row?.satisfied ?? 0, denominator: row?.rated ?? 0 },
  onTimeRate: { numerator: row?.on_time ?? 0, denominator: row?.cases_closed ?? 0 },
  volunteerHours,
});

interface HoursRow {
  start: Date;
  kind: 'community' | 'grid';
  id: string;
  path: string[];
  hours: number;
}

/** Hours per bucket: the unit's own, and per child (the unit's children are grids when it is a community). */
async function volunteerHours(pool: Pool, unit: Unit, buckets: readonly Period[]) {
  const depth = unit.path.length - 1;
  const withGrids = unit.level === 'grid' || unit.level === 'community';
  const { rows } = await pool.query<HoursRow>(volunteerHoursSql, [
    buckets.map((bucket) => new Date(bucket.from)),
    buckets.map((bucket) => new Date(bucket.to)),
    unit.id,
    withGrids,
  ]);
  const own = new Map<number, number>();
  const byChild = new Map<string, number>();
  for (const row of rows) {
    const start = row.start.getTime();
    const counts =
      unit.level === 'grid' ? row.kind === 'grid' && row.id === unit.id : row.kind === 'community';
    if (counts) own.set(start, (own.get(start) ?? 0) + row.hours);
    const childLevelIsGrid = unit.level === 'community';
    if (childLevelIsGrid ? row.kind === 'grid' : row.kind === 'community') {
      const child = row.path[depth + 1];
      if (child !== undefined) byChild.set(child, (byChild.get(child) ?? 0) + row.hours);
    }
  }
  return { own, byChild };
}

async function childrenOf(pool: Pool, unit: Unit) {
  if (unit.level === 'grid') return [];
  const sql =
    unit.level === 'community'
      ? `SELECT id, name, 'grid' AS level FROM grids WHERE community_id = $1 ORDER BY sort`
      : `SELECT id, name, level FROM regions WHERE parent_id = $1 ORDER BY sort`;
  return (await pool.query<{ id: string; name: string; level: Unit['level'] }>(sql, [unit.id])).rows;
}

export function indicatorsRoutes(api: FastifyInstance, { pool }: ServerContext): void {
  api.get('/indicators', async (request, reply) => {
    const params = searchParams(request.url);
    const now = Date.now();
    const unit = (await readUnit(pool, params)) ?? (await rootUnit(pool));
    const period = readPeriod(params, (to) => to - defaultIndicatorDays * dayMs, now);
    const interval = [...(readWords(params, 'interval', intervals) ?? ['day' as const])];
    if (interval.length !== 1 || interval[0] === undefined)
      throw new BadParameter('bad_parameter', 'give one interval');
    const buckets = periodsOf(period, interval[0], chinaOffsetMinutes);
    if (buckets.length > maxBuckets)
      throw new BadParameter('bad_parameter', `more than ${maxBuckets} ${interval[0]}s`);
    const depth = unit.path.length - 1;
    const unitArgs = [new Date(period.from), new Date(period.to), unit.id, depth];
    const [figures, series, periodHours, seriesHours, children] = await Promise.all([
      pool.query<FigureRow & { child: string | null; is_total: boolean }>(unitFiguresSql, unitArgs),
      pool.query<FigureRow & { start: Date }>(seriesFiguresSql, [
        ...unitArgs,
        buckets.map((bucket) => new Date(bucket.from)),
        buckets.map((bucket) => new Date(bucket.to)),
      ]),
      volunteerHours(pool, unit, [period]),
      volunteerHours(pool, unit, buckets),
      childrenOf(pool, unit),
    ]);
    const totalRow = figures.rows.find((row) => row.is_total);
    const childRows = new Map(figures.rows.filter((row) => !row.is_total).map((row) => [row.child, row]));
    return reply.send({
      region: { id: unit.id, name: unit.name, level: unit.level },
      from: formatContractTime(period.from),
      to: formatContractTime(period.to),
      interval: interval[0],
      figures: figuresOf(totalRow, periodHours.own.get(period.from) ?? 0),
      series: series.rows.map((row) => {
        const start = row.start.getTime();
        return { start: formatContractTime(start), figures: figuresOf(row, seriesHours.own.get(start) ?? 0) };
      }),
      children: children.map((child) => ({
        id: child.id,
        name: child.name,
        level: child.level,
        figures: figuresOf(childRows.get(child.id), periodHours.byChild.get(child.id) ?? 0),
      })),
      dataTime: formatContractTime(now),
    });
  });
}
