import type { FastifyInstance } from 'fastify';
import { partsAtOnce } from '../auth/parallel-parts';
import { readIndicatorsQuery } from '../../../src/contract/query-params';
import { emptyFigures, type IndicatorFigures, type Period } from '../../../src/domain/indicators';
import { searchParams, type ServerContext } from '../app';
import { formatChinaTime } from '../../../src/domain/china-time';
import type { Pool } from '../db';
import { unitFigures, volunteerHoursSql } from '../indicators-sql';
import { readUnit, rootUnit, type Unit } from '../units';
import { unitHandling } from '../settlement-sql';
import { emptySettlement } from '../../../src/domain/settlement';

/** A daily series over ten years is already more than any chart shows; beyond this the request is refused. */

const withHours = (figures: IndicatorFigures, volunteerHours: number): IndicatorFigures => ({
  ...figures,
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

export function indicatorsRoutes(api: FastifyInstance, { pool, ownerPool }: ServerContext): void {
  api.get('/indicators', async (request, reply) => {
    const params = searchParams(request.url);
    const now = Date.now();
    const unit = (await readUnit(pool, params)) ?? (await rootUnit(pool));
    const { period, interval, buckets } = readIndicatorsQuery(params, now);
    const part = partsAtOnce(ownerPool, request);
    const [figures, periodHours, seriesHours, children, handling] = await Promise.all([
      part(() => unitFigures(pool, unit, period, buckets)),
      part(() => volunteerHours(pool, unit, [period])),
      part(() => volunteerHours(pool, unit, buckets)),
      part(() => childrenOf(pool, unit)),
      part(() => unitHandling(pool, unit, period)),
    ]);
    return reply.send({
      region: { id: unit.id, name: unit.name, level: unit.level },
      from: formatChinaTime(period.from),
      to: formatChinaTime(period.to),
      interval,
      figures: withHours(figures.figures, periodHours.own.get(period.from) ?? 0),
      series: buckets.map((bucket, index) => ({
        start: formatChinaTime(bucket.from),
        figures: withHours(figures.series[index] ?? emptyFigures(), seriesHours.own.get(bucket.from) ?? 0),
      })),
      children: children.map((child) => ({
        id: child.id,
        name: child.name,
        level: child.level,
        figures: withHours(
          figures.children.get(child.id) ?? emptyFigures(),
          periodHours.byChild.get(child.id) ?? 0,
        ),
        settlement: handling.childSettlement.get(child.id) ?? emptySettlement(),
      })),
      settlement: handling.settlement,
      departments: handling.departments,
      dataTime: formatChinaTime(now),
    });
  });
}
