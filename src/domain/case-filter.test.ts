import { describe, expect, it } from 'vitest';
import { caseStages } from './case';
import { matchesCaseFilter, parseBbox, parseWordList } from './case-filter';

const facts = {
  reportedAt: '2026-01-10T08:00:00+08:00',
  status: 'handling' as const,
  category: 'dispute' as const,
};
const position: [number, number] = [112.85, 35.5];

describe('case filter', () => {
  it('keeps the reporting window half-open: from inclusive, to exclusive', () => {
    const reported = Date.parse(facts.reportedAt);
    expect(matchesCaseFilter(facts, position, { from: reported })).toBe(true);
    expect(matchesCaseFilter(facts, position, { to: reported })).toBe(false);
    expect(matchesCaseFilter(facts, position, { to: reported + 1 })).toBe(true);
  });

  it('filters by status, category and bbox', () => {
    expect(matchesCaseFilter(facts, position, { statuses: new Set(['closed']) })).toBe(false);
    expect(matchesCaseFilter(facts, position, { categories: new Set(['dispute', 'property']) })).toBe(true);
    expect(matchesCaseFilter(facts, position, { bbox: [112.8, 35.4, 112.84, 35.6] })).toBe(false);
    expect(matchesCaseFilter(facts, position, { bbox: [112.8, 35.4, 112.9, 35.6] })).toBe(true);
  });

  it('parses bbox text and refuses malformed or inverted boxes', () => {
    expect(parseBbox('112.8, 35.4,112.9,35.6')).toEqual([112.8, 35.4, 112.9, 35.6]);
    expect(parseBbox('112.8,35.4,112.9')).toBeNull();
    expect(parseBbox('112.9,35.4,112.8,35.6')).toBeNull();
    expect(parseBbox('a,b,c,d')).toBeNull();
  });

  it('parses comma lists and names the first unknown word', () => {
    expect(parseWordList('reported, closed', caseStages)).toEqual({
      values: new Set(['reported', 'closed']),
    });
    expect(parseWordList('reported,lost', caseStages)).toEqual({ unknown: 'lost' });
  });
});
