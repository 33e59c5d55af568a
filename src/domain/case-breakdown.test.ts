import { describe, expect, it } from 'vitest';
import { caseBreakdown } from './case-breakdown';

describe('case breakdown', () => {
  it('counts by category, channel and stage, each summing to the total', () => {
    const breakdown = caseBreakdown([
      { category: 'dispute', channel: 'hotline_12345', status: 'closed' },
      { category: 'dispute', channel: 'app', status: 'handling' },
      { category: 'property', channel: 'app', status: 'closed' },
    ]);
    expect(breakdown.total).toBe(3);
    expect(breakdown.byCategory.dispute).toBe(2);
    expect(breakdown.byChannel.app).toBe(2);
    expect(breakdown.byStage.closed).toBe(2);
    for (const counts of [breakdown.byCategory, breakdown.byChannel, breakdown.byStage]) {
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(3);
    }
  });

  it('lists every known key even with no cases', () => {
    const breakdown = caseBreakdown([]);
    expect(Object.keys(breakdown.byStage)).toHaveLength(6);
    expect(breakdown.byCategory.stability).toBe(0);
  });
});
