import { describe, expect, it } from 'vitest';
import type { Escalation, SettlementLevel, Supervision } from './case';
import type { Period } from './indicators';
import { rateOf } from './ratio';
import {
  departmentFigures,
  settlementOfCases,
  settlementShares,
  sumSettlement,
  type DepartmentFacts,
  type SettlementFacts,
} from './settlement';

const at = (day: number, hour = 12): string => new Date(Date.UTC(2026, 0, day, hour)).toISOString();
const january: Period = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 1, 1) };
const dayMs = 86_400_000;

const steps = (count: number): Escalation[] =>
  (['grid', 'community', 'street', 'district'] as const).slice(0, count).map((fromLevel, index) => ({
    at: at(2, 13 + index),
    fromLevel,
    toLevel: (['community', 'street', 'district', 'city'] as const)[index] ?? 'city',
    reason: 'beyond_authority',
  }));
const supervised = (atDay: number, deadlineDay: number): Supervision => ({
  by: 'district',
  at: at(atDay),
  deadline: at(deadlineDay),
  state: 'active',
});
const settled = (
  closedDay: number | null,
  level: SettlementLevel | null,
  escalations = 0,
  supervision: Supervision | null = null,
): SettlementFacts => ({
  closedAt: closedDay === null ? null : at(closedDay),
  resolvedAtLevel: level,
  escalations: steps(escalations),
  supervision,
});

/**
 * Seven cases, worked by hand: five closed in January (A grid, B community after one step, C street after two and
 * supervised from the 4th to the 8th, closed the 7th: met; D district after three, supervised from the 3rd to the
 * 9th, closed the 10th: missed; G grid), E open and supervised the 20th, F supervised the 25th and closed at the city
 * in February.
 */
const cases = [
  settled(5, 'grid'),
  settled(6, 'community', 1),
  settled(7, 'street', 2, supervised(4, 8)),
  settled(10, 'district', 3, supervised(3, 9)),
  settled(null, null, 1, supervised(20, 24)),
  settled(40, 'city', 4, supervised(25, 30)),
  settled(12, 'grid'),
];

describe('settlement indicators', () => {
  it('counts the levels, the share within the street, escalations and supervision as worked by hand', () => {
    const figures = settlementOfCases(cases, january);
    expect(figures.settledAt).toEqual({ grid: 2, community: 1, street: 1, district: 1, city: 0 });
    expect(figures.withinStreet).toEqual({ numerator: 4, denominator: 5 });
    expect(figures.escalationRate).toEqual({ numerator: 3, denominator: 5 });
    expect(figures.supervisedCases).toBe(4);
    expect(figures.supervisionMet).toEqual({ numerator: 1, denominator: 2 });
    expect(settlementShares(figures)).toEqual({
      grid: 0.4,
      community: 0.2,
      street: 0.2,
      district: 0.2,
      city: 0,
    });
  });

  it('a parent is the sum of its children, and no case gives "no data", not 0 %', () => {
    const whole = settlementOfCases(cases, january);
    const parts = sumSettlement([
      settlementOfCases(cases.slice(0, 3), january),
      settlementOfCases(cases.slice(3), january),
    ]);
    expect(parts).toEqual(whole);
    const none = settlementOfCases([], january);
    expect(rateOf(none.withinStreet)).toBeNull();
    expect(rateOf(none.supervisionMet)).toBeNull();
    expect(settlementShares(none).grid).toBeNull();
  });
});

const handled = (
  department: DepartmentFacts['department'],
  reportedDay: number,
  dueDay: number,
  closedDay: number | null,
): DepartmentFacts => ({
  department,
  reportedAt: at(reportedDay),
  dueAt: at(dueDay),
  closedAt: closedDay === null ? null : at(closedDay),
});

describe('department indicators', () => {
  it('on-time rate and median handling time per department, over cases closed in the period', () => {
    const figures = departmentFigures(
      [
        handled('urban_management', 1, 5, 3), // 2 days, on time
        handled('urban_management', 2, 4, 6), // 4 days, late
        handled('housing', 2, 9, 3), // 1 day
        handled('urban_management', 3, 9, 4), // 1 day, on time
        handled('housing', 4, 9, 7), // 3 days
        handled('housing', 30, 45, 40), // closed in February: not counted
        handled('housing', 20, 25, null), // open and past due at the end: overdue, not closed
        handled('housing', 20, 31, 31), // closed at its very deadline: on time (closed ≤ due)
        handled('urban_management', 31, 40, null), // open at the end but not yet due: neither
        handled(null, 2, 9, 3), // settled without a department
      ],
      january,
    );
    // In the order of the department list (urban management before housing), not of first appearance.
    expect(figures).toEqual([
      {
        department: 'urban_management',
        onTimeRate: { numerator: 2, denominator: 3 },
        medianHandlingMs: 2 * dayMs,
        overdueCases: 0,
      },
      // Three closed: 1, 3 and 11 days; the median is the middle one. One open past its deadline.
      {
        department: 'housing',
        onTimeRate: { numerator: 3, denominator: 3 },
        medianHandlingMs: 3 * dayMs,
        overdueCases: 1,
      },
    ]);
  });
});
