import type { CaseProperties } from './case';
import { addRatios, emptyRatio, type Ratio } from './ratio';

/**
 * The indicators leaders read, for one unit and one period. The single definition used by the mock API and by the
 * client: a parent's figures are the sum of its children's, because every figure is a count or a pair of counts.
 */
export interface IndicatorFigures {
  /** Cases reported in the period. */
  casesReported: number;
  /** Cases closed in the period. */
  casesClosed: number;
  /** Cases still open at the end of the period (reported before its end, not closed by then). */
  openCases: number;
  /** Open cases past their deadline at the end of the period. */
  overdueCases: number;
  /** resolved ÷ closed, for cases closed in the period. */
  resolutionRate: Ratio;
  /** (satisfied + basically satisfied) ÷ rated, for cases closed in the period. */
  satisfactionRate: Ratio;
  /** closed by dueAt ÷ closed, for cases closed in the period. */
  onTimeRate: Ratio;
  /** Sum of volunteer hours logged in the period. */
  volunteerHours: number;
}

export interface Period {
  /** Inclusive start, epoch milliseconds. */
  from: number;
  /** Exclusive end, epoch milliseconds. */
  to: number;
}

export const emptyFigures = (): IndicatorFigures => ({
  casesReported: 0,
  casesClosed: 0,
  openCases: 0,
  overdueCases: 0,
  resolutionRate: emptyRatio(),
  satisfactionRate: emptyRatio(),
  onTimeRate: emptyRatio(),
  volunteerHours: 0,
});

type CaseFacts = Pick<CaseProperties, 'reportedAt' | 'closedAt' | 'dueAt' | 'resolved' | 'satisfaction'>;

/** Add one case's contribution to the figures of a period (mutates `figures`: this is the hot loop). */
export function countCase(figures: IndicatorFigures, facts: CaseFacts, period: Period): void {
  const reported = Date.parse(facts.reportedAt);
  const closed = facts.closedAt === null ? Number.NaN : Date.parse(facts.closedAt);
  const due = Date.parse(facts.dueAt);
  if (reported >= period.from && reported < period.to) figures.casesReported += 1;
  if (closed >= period.from && closed < period.to) {
    figures.casesClosed += 1;
    figures.resolutionRate.denominator += 1;
    if (facts.resolved === true) figures.resolutionRate.numerator += 1;
    if (facts.satisfaction !== null) {
      figures.satisfactionRate.denominator += 1;
      if (facts.satisfaction !== 'dissatisfied') figures.satisfactionRate.numerator += 1;
    }
    figures.onTimeRate.denominator += 1;
    if (closed <= due) figures.onTimeRate.numerator += 1;
  }
  const openAtEnd = reported < period.to && !(closed < period.to);
  if (openAtEnd) {
    figures.openCases += 1;
    if (due < period.to) figures.overdueCases += 1;
  }
}

export function figuresOfCases(
  cases: Iterable<CaseFacts>,
  period: Period,
  volunteerHours = 0,
): IndicatorFigures {
  const figures = emptyFigures();
  for (const facts of cases) countCase(figures, facts, period);
  figures.volunteerHours = volunteerHours;
  return figures;
}

/** A parent's figures: the roll-up of its children's. */
export function sumFigures(parts: Iterable<IndicatorFigures>): IndicatorFigures {
  const total = emptyFigures();
  for (const part of parts) {
    total.casesReported += part.casesReported;
    total.casesClosed += part.casesClosed;
    total.openCases += part.openCases;
    total.overdueCases += part.overdueCases;
    total.resolutionRate = addRatios(total.resolutionRate, part.resolutionRate);
    total.satisfactionRate = addRatios(total.satisfactionRate, part.satisfactionRate);
    total.onTimeRate = addRatios(total.onTimeRate, part.onTimeRate);
    total.volunteerHours += part.volunteerHours;
  }
  return total;
}
