import { describe, expect, it } from 'vitest';
import {
  defaultAssessmentWeights,
  gridScorecards,
  patrolMetres,
  rankScorecards,
  scoreOf,
  workerScorecard,
  type AssessmentFacts,
} from './worker-assessment';

const due = '2026-03-10T12:00:00+08:00';
const early = '2026-03-10T09:00:00+08:00';
const late = '2026-03-11T09:00:00+08:00';
const facts = (over: Partial<AssessmentFacts>): AssessmentFacts => ({
  gridId: 'G1',
  channel: 'hotline_12345',
  closedAt: null,
  dueAt: due,
  resolvedAtLevel: null,
  satisfaction: null,
  ...over,
});

// Grid G1: five cases reported, two on patrol; four closed (three on time), three of them settled in the grid and one
// at the community; three rated, one dissatisfied.
const g1: AssessmentFacts[] = [
  facts({ channel: 'patrol', closedAt: early, resolvedAtLevel: 'grid', satisfaction: 'satisfied' }),
  facts({ channel: 'patrol', closedAt: early, resolvedAtLevel: 'grid', satisfaction: 'basically_satisfied' }),
  facts({ closedAt: early, resolvedAtLevel: 'grid', satisfaction: 'dissatisfied' }),
  facts({ closedAt: late, resolvedAtLevel: 'community' }),
  facts({}),
];

describe('grid worker assessment', () => {
  it('counts each part of a grid card', () => {
    const card = gridScorecards([...g1, facts({ gridId: null, channel: 'patrol' })]).get('G1');
    expect(card).toEqual({
      reported: 5,
      closed: 4,
      parts: {
        patrolShare: { numerator: 2, denominator: 5 },
        settledInGrid: { numerator: 3, denominator: 4 },
        onTime: { numerator: 3, denominator: 4 },
        satisfaction: { numerator: 2, denominator: 3 },
      },
    });
  });

  it('weighs the parts: 0.2 × 40 % + 0.2 × 75 % + 0.3 × 75 % + 0.3 × 66.7 % = 65.5', () => {
    const card = gridScorecards(g1).get('G1')!;
    // 0.08 + 0.15 + 0.225 + 0.2 = 0.655
    expect(scoreOf(card, defaultAssessmentWeights)).toBeCloseTo(65.5, 6);
    // Only on time and satisfaction, equally: (75 % + 66.7 %) ÷ 2 = 70.83
    expect(scoreOf(card, { patrolShare: 0, settledInGrid: 0, onTime: 1, satisfaction: 1 })).toBeCloseTo(
      70.8333,
      3,
    );
  });

  it('scores on the parts that have data, rescaling their weights', () => {
    // One case, closed late at the grid, not rated, not on patrol: patrol 0, grid 1, on time 0, no satisfaction.
    const [card] = gridScorecards([facts({ closedAt: late, resolvedAtLevel: 'grid' })]).values();
    // (0.2 × 0 + 0.2 × 1 + 0.3 × 0) ÷ 0.7 = 28.57
    expect(scoreOf(card!, defaultAssessmentWeights)).toBeCloseTo(28.5714, 3);
    const [open] = gridScorecards([facts({})]).values();
    expect(scoreOf(open!, { patrolShare: 0, settledInGrid: 1, onTime: 1, satisfaction: 1 })).toBeNull();
  });

  it('ranks by score above the threshold, and sums a worker’s grids', () => {
    const cards = gridScorecards([
      ...g1,
      // G2: two cases, both on patrol, closed on time at the grid and satisfied: 100, but only two closed.
      facts({
        gridId: 'G2',
        channel: 'patrol',
        closedAt: early,
        resolvedAtLevel: 'grid',
        satisfaction: 'satisfied',
      }),
      facts({
        gridId: 'G2',
        channel: 'patrol',
        closedAt: early,
        resolvedAtLevel: 'grid',
        satisfaction: 'satisfied',
      }),
      // G3: four closed late at the street, none on patrol or rated: 0.
      ...Array.from({ length: 4 }, () => facts({ gridId: 'G3', closedAt: late, resolvedAtLevel: 'street' })),
    ]);
    const entries = [...cards].map(([id, card]) => ({ id, card }));
    const ranked = rankScorecards(entries, defaultAssessmentWeights, 3);
    expect(ranked.rows.map((row) => [row.rank, row.id, Math.round(row.score * 10) / 10])).toEqual([
      [1, 'G1', 65.5],
      [2, 'G3', 0],
    ]);
    expect(ranked.excluded).toBe(1);
    expect(rankScorecards(entries, defaultAssessmentWeights, 1).rows[0]?.id).toBe('G2');

    // A worker over G1 and G2: 4/7 patrol, 5/6 in the grid, 5/6 on time, 4/5 satisfied.
    const worker = workerScorecard(['G1', 'G2', 'G9'], cards);
    expect(worker.parts).toEqual({
      patrolShare: { numerator: 4, denominator: 7 },
      settledInGrid: { numerator: 5, denominator: 6 },
      onTime: { numerator: 5, denominator: 6 },
      satisfaction: { numerator: 4, denominator: 5 },
    });
    // 0.2 × 4/7 + 0.2 × 5/6 + 0.3 × 5/6 + 0.3 × 0.8 = 0.11429 + 0.16667 + 0.25 + 0.24 = 0.77095
    expect(scoreOf(worker, defaultAssessmentWeights)).toBeCloseTo(77.0952, 3);
  });
});

describe('patrol distance', () => {
  it('joins a day’s fixes: 0.01° of latitude is about 1,112 m, twice', () => {
    const points = [
      { position: [112.85, 35.49] as const },
      { position: [112.85, 35.5] as const },
      { position: [112.85, 35.49] as const },
    ];
    expect(patrolMetres(points)).toBeGreaterThan(2 * 1105);
    expect(patrolMetres(points)).toBeLessThan(2 * 1120);
    expect(patrolMetres(points.slice(0, 1))).toBe(0);
  });
});
