import { describe, expect, it } from 'vitest';
import {
  casesSchema,
  gridsSchema,
  indicatorsSchema,
  metaSchema,
  regionsSchema,
  type CaseFeature,
} from '../../src/contract/schemas/contract.schema';
import { sumSettlement } from '../../src/domain/settlement';
import { iso } from './contract-expectations';
import { getJson, type ContractClient } from './contract-client';

const dayMs = 86_400_000;

/**
 * A street's settlement and department figures in `/indicators` against those counted here, one case at a time,
 * from the street's own `/cases`: written out again rather than calling src/domain/settlement.ts, so that a wrong
 * definition there (or a server's SQL that drifts from it) shows.
 */
function countedByHand(cases: readonly CaseFeature[], from: number, to: number) {
  const within = (ms: number) => ms >= from && ms < to;
  const settledAt: Record<string, number> = { grid: 0, community: 0, street: 0, district: 0, city: 0 };
  let withLevel = 0;
  let inStreet = 0;
  let closed = 0;
  let escalated = 0;
  let supervised = 0;
  let supervisedClosed = 0;
  let met = 0;
  const departments = new Map<string, { closed: number; onTime: number; times: number[]; overdue: number }>();
  for (const { properties: c } of cases) {
    if (c.supervision && within(Date.parse(c.supervision.at))) supervised += 1;
    const closedMs = c.closedAt === null ? null : Date.parse(c.closedAt);
    const reportedMs = Date.parse(c.reportedAt);
    const dueMs = Date.parse(c.dueAt);
    const department = c.department
      ? (departments.get(c.department) ?? { closed: 0, onTime: 0, times: [], overdue: 0 })
      : null;
    if (department && c.department) departments.set(c.department, department);
    if (department && reportedMs < to && (closedMs === null || closedMs >= to) && dueMs < to)
      department.overdue += 1;
    if (closedMs === null || !within(closedMs)) continue;
    closed += 1;
    if (c.resolvedAtLevel) {
      settledAt[c.resolvedAtLevel] = (settledAt[c.resolvedAtLevel] ?? 0) + 1;
      withLevel += 1;
      if (['grid', 'community', 'street'].includes(c.resolvedAtLevel)) inStreet += 1;
    }
    if (c.escalations.length > 0) escalated += 1;
    if (c.supervision) {
      supervisedClosed += 1;
      if (closedMs <= Date.parse(c.supervision.deadline)) met += 1;
    }
    if (department) {
      department.closed += 1;
      if (closedMs <= dueMs) department.onTime += 1;
      department.times.push(closedMs - reportedMs);
    }
  }
  const median = (times: number[]) => {
    const sorted = [...times].sort((a, b) => a - b);
    const half = Math.floor(sorted.length / 2);
    if (sorted.length === 0) return null;
    return sorted.length % 2 ? sorted[half] : ((sorted[half - 1] ?? 0) + (sorted[half] ?? 0)) / 2;
  };
  return {
    settlement: {
      settledAt,
      withinStreet: { numerator: inStreet, denominator: withLevel },
      escalationRate: { numerator: escalated, denominator: closed },
      supervisedCases: supervised,
      supervisionMet: { numerator: met, denominator: supervisedClosed },
    },
    departments: new Map(
      [...departments]
        .filter(([, d]) => d.closed > 0 || d.overdue > 0)
        .map(([id, d]) => [
          id,
          {
            onTimeRate: { numerator: d.onTime, denominator: d.closed },
            medianHandlingMs: median(d.times),
            overdueCases: d.overdue,
          },
        ]),
    ),
  };
}

export function settlementContract(makeClient: () => ContractClient): void {
  describe('settlement and departments in /indicators', () => {
    it("a street's figures equal those counted from its /cases, and its children's add up to them", async () => {
      const client = makeClient();
      const now = Date.parse(metaSchema.parse((await getJson(client, '/meta')).body).dataTime);
      const regions = regionsSchema.parse((await getJson(client, '/regions')).body).features;
      const grids = gridsSchema.parse((await getJson(client, '/grids')).body).features;
      const streetOf = new Map(
        regions.map((region) => [region.properties.id as string, region.properties.parentId]),
      );
      // The street of the first grid: every street of a seeded city has cases.
      const street = streetOf.get(grids[0]?.properties.communityId ?? '');
      const [from, to] = [now - 60 * dayMs, now - dayMs];
      const period = `from=${encodeURIComponent(iso(from))}&to=${encodeURIComponent(iso(to))}`;
      const reply = await getJson(client, `/indicators?region=${street}&${period}&interval=month`);
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      const indicators = indicatorsSchema.parse(reply.body);
      // Every case reported before the period's end (a case open since long ago can still be overdue in it).
      const casesReply = await getJson(
        client,
        `/cases?region=${street}&from=2000-01-01T00:00:00%2B08:00&to=${encodeURIComponent(iso(to))}`,
      );
      expect(casesReply.status).toBe(200);
      const cases = casesSchema.parse(casesReply.body).features;
      const expected = countedByHand(cases, from, to);
      expect(expected.settlement.escalationRate.denominator, 'closed cases in the period').toBeGreaterThan(0);
      expect(expected.settlement.settledAt.grid).toBeGreaterThan(0);
      expect(expected.departments.size, 'departments with cases').toBeGreaterThan(0);
      expect(indicators.settlement).toEqual(expected.settlement);
      // Each child's settlement figures are its own, and they add up to the street's.
      expect(sumSettlement(indicators.children.map((child) => child.settlement))).toEqual(
        indicators.settlement,
      );
      expect(indicators.children.some((child) => child.settlement.escalationRate.denominator > 0)).toBe(true);
      expect(new Map(indicators.departments.map(({ department, ...rest }) => [department, rest]))).toEqual(
        expected.departments,
      );
    });
  });
}
