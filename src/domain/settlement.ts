import { isWithinStreet, settlementLevels, type CaseProperties, type SettlementLevel } from './case';
import { departmentIds, type DepartmentId } from './department';
import type { Period } from './indicators';
import { addRatios, emptyRatio, type Ratio } from './ratio';
import { medianOfSorted } from './median';

/**
 * Where matters are settled and how late ones are supervised, for one unit and one period: the single definition
 * of these indicators, written as indicators.ts writes the others (counts and pairs of counts over the cases
 * closed in the period, so a parent's figures are the sum of its children's).
 */
export interface SettlementFigures {
  /** Cases closed in the period, by the level they were settled at. */
  settledAt: Record<SettlementLevel, number>;
  /** Settled at the grid, community or street ÷ closed with a level ("小事不出村、大事不出镇" as one figure). */
  withinStreet: Ratio;
  /** Closed with at least one step up the ladder ÷ closed, for cases closed in the period. */
  escalationRate: Ratio;
  /** Cases taken up for supervision (督办) in the period. */
  supervisedCases: number;
  /** Closed by the supervision's deadline ÷ supervised, for supervised cases closed in the period. */
  supervisionMet: Ratio;
}

export type SettlementFacts = Pick<
  CaseProperties,
  'closedAt' | 'resolvedAtLevel' | 'escalations' | 'supervision'
>;

export const emptySettlement = (): SettlementFigures => ({
  settledAt: { grid: 0, community: 0, street: 0, district: 0, city: 0 },
  withinStreet: emptyRatio(),
  escalationRate: emptyRatio(),
  supervisedCases: 0,
  supervisionMet: emptyRatio(),
});

const inPeriod = (ms: number, period: Period) => ms >= period.from && ms < period.to;

/** Add one case's contribution (mutates `figures`, as countCase does). */
export function countSettlement(figures: SettlementFigures, facts: SettlementFacts, period: Period): void {
  const supervision = facts.supervision;
  if (supervision !== null && inPeriod(Date.parse(supervision.at), period)) figures.supervisedCases += 1;
  if (facts.closedAt === null) return;
  const closed = Date.parse(facts.closedAt);
  if (!inPeriod(closed, period)) return;
  const level = facts.resolvedAtLevel;
  if (level !== null) {
    figures.settledAt[level] += 1;
    figures.withinStreet.denominator += 1;
    if (isWithinStreet(level)) figures.withinStreet.numerator += 1;
  }
  figures.escalationRate.denominator += 1;
  if (facts.escalations.length > 0) figures.escalationRate.numerator += 1;
  if (supervision !== null) {
    figures.supervisionMet.denominator += 1;
    if (closed <= Date.parse(supervision.deadline)) figures.supervisionMet.numerator += 1;
  }
}

export function settlementOfCases(cases: Iterable<SettlementFacts>, period: Period): SettlementFigures {
  const figures = emptySettlement();
  for (const facts of cases) countSettlement(figures, facts, period);
  return figures;
}

export function sumSettlement(parts: Iterable<SettlementFigures>): SettlementFigures {
  const total = emptySettlement();
  for (const part of parts) {
    for (const level of settlementLevels) total.settledAt[level] += part.settledAt[level];
    total.withinStreet = addRatios(total.withinStreet, part.withinStreet);
    total.escalationRate = addRatios(total.escalationRate, part.escalationRate);
    total.supervisedCases += part.supervisedCases;
    total.supervisionMet = addRatios(total.supervisionMet, part.supervisionMet);
  }
  return total;
}

/** The share settled at each level, of the cases closed with a level; null for every level when there are none. */
export function settlementShares(figures: SettlementFigures): Record<SettlementLevel, number | null> {
  const total = figures.withinStreet.denominator;
  const shares = {} as Record<SettlementLevel, number | null>;
  for (const level of settlementLevels) shares[level] = total === 0 ? null : figures.settledAt[level] / total;
  return shares;
}

export type DepartmentFacts = Pick<CaseProperties, 'department' | 'reportedAt' | 'dueAt' | 'closedAt'>;

/**
 * One department's figures for a period: the cases it handled that were closed in the period, and those of its
 * cases still open past their deadline at the period's end (the units' `overdueCases`, per department).
 */
export interface DepartmentFigures {
  department: DepartmentId;
  /** Closed by dueAt ÷ closed; the denominator is the department's closed cases. */
  onTimeRate: Ratio;
  /** Median of closedAt − reportedAt, in ms; null with no case. A median does not add up: it is per department. */
  medianHandlingMs: number | null;
  /** Reported before the period's end, open at its end and due before it. */
  overdueCases: number;
}

/**
 * Every department that closed a case in the period or has one overdue at its end, in the order of
 * `departmentIds`, so the mock, the server and the client list them alike.
 */
export function departmentFigures(cases: Iterable<DepartmentFacts>, period: Period): DepartmentFigures[] {
  const byDepartment = new Map<DepartmentId, { onTime: Ratio; times: number[]; overdue: number }>();
  for (const facts of cases) {
    if (facts.department === null) continue;
    const reported = Date.parse(facts.reportedAt);
    const closed = facts.closedAt === null ? Number.NaN : Date.parse(facts.closedAt);
    const due = Date.parse(facts.dueAt);
    const closedIn = inPeriod(closed, period);
    const overdueAtEnd = reported < period.to && !(closed < period.to) && due < period.to;
    if (!closedIn && !overdueAtEnd) continue;
    const entry = byDepartment.get(facts.department) ?? { onTime: emptyRatio(), times: [], overdue: 0 };
    byDepartment.set(facts.department, entry);
    if (overdueAtEnd) entry.overdue += 1;
    if (!closedIn) continue;
    entry.onTime.denominator += 1;
    if (closed <= due) entry.onTime.numerator += 1;
    entry.times.push(closed - reported);
  }
  return departmentIds.flatMap((department) => {
    const entry = byDepartment.get(department);
    if (!entry) return [];
    return [
      {
        department,
        onTimeRate: entry.onTime,
        medianHandlingMs: medianOfSorted(entry.times.sort((a, b) => a - b)),
        overdueCases: entry.overdue,
      },
    ];
  });
}

/** The unit's handling figures for the period, as `/indicators` answers them beside its other figures. */
export const handlingOfCases = (
  cases: readonly (SettlementFacts & DepartmentFacts)[],
  period: Period,
): { settlement: SettlementFigures; departments: DepartmentFigures[] } => ({
  settlement: settlementOfCases(cases, period),
  departments: departmentFigures(cases, period),
});
