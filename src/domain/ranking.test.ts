import { describe, expect, it } from 'vitest';
import { emptyFigures, type IndicatorFigures } from './indicators';
import { rankUnits } from './ranking';

const unit = (name: string, resolved: number, closed: number, reported = closed) => {
  const figures: IndicatorFigures = emptyFigures();
  figures.casesClosed = closed;
  figures.casesReported = reported;
  figures.resolutionRate = { numerator: resolved, denominator: closed };
  return { name, figures };
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
