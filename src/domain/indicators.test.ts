import { describe, expect, it } from 'vitest';
import type { CaseProperties } from './case';
import { countCase, emptyFigures, figuresOfCases, sumFigures, type Period } from './indicators';
import { rateOf } from './ratio';

type Facts = Pick<CaseProperties, 'reportedAt' | 'closedAt' | 'dueAt' | 'resolved' | 'satisfaction'>;

const at = (day: number, hour = 12): string => new Date(Date.UTC(2026, 0, day, hour)).toISOString();
const period = (fromDay: number, toDay: number): Period => ({
  from: Date.UTC(2026, 0, fromDay),
  to: Date.UTC(2026, 0, toDay),
});

const closedCase = (overrides: Partial<Facts> = {}): Facts => ({
  reportedAt: at(2),
  dueAt: at(9),
  closedAt: at(5),
  resolved: true,
  satisfaction: 'satisfied',
  ...overrides,
});
const openCase = (overrides: Partial<Facts> = {}): Facts => ({
  ...closedCase({ closedAt: null, resolved: null, satisfaction: null }),
  ...overrides,
});

describe('indicator definition', () => {
  it('zero cases: every count is 0 and every rate is "no data", not 0 % or 100 %', () => {
    const figures = figuresOfCases([], period(1, 31));
    expect(figures.casesReported + figures.casesClosed + figures.openCases + figures.overdueCases).toBe(0);
    expect(rateOf(figures.resolutionRate)).toBeNull();
    expect(rateOf(figures.satisfactionRate)).toBeNull();
    expect(rateOf(figures.onTimeRate)).toBeNull();
  });

  it('nothing rated: satisfaction has denominator 0 (no data) while resolution still counts', () => {
    const figures = figuresOfCases(
      [closedCase({ satisfaction: null }), closedCase({ satisfaction: null, resolved: false })],
      period(1, 31),
    );
    expect(figures.satisfactionRate).toEqual({ numerator: 0, denominator: 0 });
    expect(rateOf(figures.satisfactionRate)).toBeNull();
    expect(figures.resolutionRate).toEqual({ numerator: 1, denominator: 2 });
  });

  it('satisfaction counts "basically satisfied" as satisfied and ignores unrated cases', () => {
    const figures = figuresOfCases(
      [
        closedCase({ satisfaction: 'satisfied' }),
        closedCase({ satisfaction: 'basically_satisfied' }),
        closedCase({ satisfaction: 'dissatisfied' }),
        closedCase({ satisfaction: null }),
      ],
      period(1, 31),
    );
    expect(figures.satisfactionRate).toEqual({ numerator: 2, denominator: 3 });
  });

  it('on time means closed at or before dueAt', () => {
    const figures = figuresOfCases(
      [closedCase({ closedAt: at(9) }), closedCase({ closedAt: at(9, 13) }), closedCase()],
      period(1, 31),
    );
    expect(figures.onTimeRate).toEqual({ numerator: 2, denominator: 3 });
  });

  it('period boundaries: from is inclusive, to is exclusive', () => {
    const onBoundary = closedCase({ reportedAt: at(10, 0), closedAt: at(20, 0), dueAt: at(25) });
    const first = figuresOfCases([onBoundary], period(10, 20));
    expect(first.casesReported).toBe(1);
    expect(first.casesClosed).toBe(0);
    expect(first.openCases).toBe(1);
    const second = figuresOfCases([onBoundary], period(20, 30));
    expect(second.casesReported).toBe(0);
    expect(second.casesClosed).toBe(1);
    expect(second.openCases).toBe(0);
    const before = figuresOfCases([onBoundary], period(1, 10));
    expect(before.casesReported + before.openCases).toBe(0);
  });

  it('an open case past its deadline at the end of the period is overdue', () => {
    const figures = figuresOfCases([openCase({ dueAt: at(5) }), openCase({ dueAt: at(40) })], period(1, 31));
    expect(figures.openCases).toBe(2);
    expect(figures.overdueCases).toBe(1);
  });

  it('a region with no children rolls up to empty figures', () => {
    expect(sumFigures([])).toEqual(emptyFigures());
  });

  it("a parent's figures are the roll-up of its children's", () => {
    const children = [
      [closedCase(), openCase({ dueAt: at(3) })],
      [closedCase({ resolved: false, satisfaction: 'dissatisfied', closedAt: at(12) })],
      [],
    ];
    const whole = period(1, 31);
    const childFigures = children.map((cases, index) => figuresOfCases(cases, whole, 10 * (index + 1)));
    const parent = figuresOfCases(children.flat(), whole, 60);
    expect(sumFigures(childFigures)).toEqual(parent);
    expect(parent.resolutionRate).toEqual({ numerator: 1, denominator: 2 });
  });

  it('countCase adds to the figures it is given (the hot loop mutates)', () => {
    const figures = emptyFigures();
    countCase(figures, closedCase(), period(1, 31));
    countCase(figures, closedCase(), period(1, 31));
    expect(figures.casesClosed).toBe(2);
  });
});
