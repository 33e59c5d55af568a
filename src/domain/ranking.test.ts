import { describe, expect, it } from 'vitest';
import { emptyFigures, type IndicatorFigures } from './indicators';
import { rankableIndicators, rankUnits } from './ranking';
import { emptySettlement } from './settlement';

const unit = (name: string, resolved: number, closed: number, reported = closed) => {
  const figures: IndicatorFigures = emptyFigures();
  figures.casesClosed = closed;
  figures.casesReported = reported;
  figures.resolutionRate = { numerator: resolved, denominator: closed };
  return { name, figures, settlement: emptySettlement() };
};

describe('rankings (红黑榜)', () => {
  const units = [
    unit('a', 90, 100, 120),
    unit('b', 2, 2),
    unit('c', 70, 100),
    unit('d', 99, 100),
    unit('e', 0, 0),
  ];

  it('orders by the rate and leaves out units under the case threshold', () => {
    const ranking = rankUnits(units, 'resolutionRate', { minimumCases: 10, size: 5 });
    expect(ranking.best.map((entry) => entry.unit.name)).toEqual(['d', 'a']);
    expect(ranking.worst.map((entry) => entry.unit.name)).toEqual(['c', 'a']);
    expect(ranking.excluded.map((entry) => entry.name)).toEqual(['b', 'e']);
  });

  it('lets a tiny unit in when the threshold allows it', () => {
    const ranking = rankUnits(units, 'resolutionRate', { minimumCases: 1, size: 1 });
    expect(ranking.best[0]?.unit.name).toBe('b');
    expect(ranking.worst[0]?.unit.name).toBe('c');
  });

  it('ranks counts with fewer as better', () => {
    const ranking = rankUnits(units, 'casesReported', { minimumCases: 10, size: 1 });
    expect(ranking.best[0]?.unit.name).toBe('e');
    expect(ranking.worst[0]?.unit.name).toBe('a');
  });
});

describe('rankings on where cases are settled', () => {
  /** `escalated` of `closed` went up the ladder; `withinStreet` of `withLevel` were settled at street level or below. */
  const settled = (name: string, escalated: number, withinStreet: number, closed: number) => {
    const settlement = emptySettlement();
    settlement.escalationRate = { numerator: escalated, denominator: closed };
    settlement.withinStreet = { numerator: withinStreet, denominator: closed };
    const figures = emptyFigures();
    figures.casesClosed = closed;
    return { name, figures, settlement };
  };
  it('offers the settlement indicators, and ranks the escalation rate with fewer as better', () => {
    expect(rankableIndicators).toEqual(
      expect.arrayContaining(['withinStreetRate', 'escalationRate', 'supervisionMetRate', 'supervisedCases']),
    );
    const three = [
      settled('a', 30, 95, 100), // 30 % escalated, 95 % settled within the street
      settled('b', 5, 40, 50), // 10 %, 80 %
      settled('c', 40, 90, 100), // 40 %, 90 %
    ];
    const escalation = rankUnits(three, 'escalationRate', { minimumCases: 10, size: 1 });
    expect(escalation.best.map((entry) => [entry.unit.name, entry.value])).toEqual([['b', 0.1]]);
    expect(escalation.worst.map((entry) => [entry.unit.name, entry.value])).toEqual([['c', 0.4]]);
    const within = rankUnits(three, 'withinStreetRate', { minimumCases: 10, size: 1 });
    expect(within.best.map((entry) => [entry.unit.name, entry.value])).toEqual([['a', 0.95]]);
    expect(within.worst.map((entry) => [entry.unit.name, entry.value])).toEqual([['b', 0.8]]);
  });
});
