import { describe, expect, it } from 'vitest';
import { watchCases, type WatchedCase } from './live-watch';

const now = Date.parse('2026-12-07T08:00:00Z');
const hour = 3_600_000;
const at = (ms: number) => new Date(ms).toISOString();
const item = (id: string, patch: Partial<WatchedCase> = {}): WatchedCase => ({
  id,
  gridId: 'G1',
  category: 'environment',
  title: `case ${id}`,
  dueAt: at(now + hour),
  closedAt: null,
  ...patch,
});

describe('watchCases', () => {
  it('takes the first poll as the baseline: no arrivals, no banner for what is already overdue', () => {
    const step = watchCases(null, [item('A', { dueAt: at(now - hour) }), item('B')], new Set(['G1']), now);
    expect(step.arrivals).toEqual([]);
    expect(step.alerts).toEqual([]);
    expect([...step.watch.overdue]).toEqual(['A']);
  });

  it('reports new cases, a case that has just become overdue and a new case in an early-warning grid', () => {
    const first = watchCases(null, [item('A'), item('B', { dueAt: at(now - hour) })], new Set(), now);
    const later = now + 2 * hour;
    const step = watchCases(
      first.watch,
      [
        item('A'), // due an hour after `now`: overdue by `later`
        item('B', { dueAt: at(now - hour) }), // overdue already at the baseline: no second banner
        item('C', { gridId: 'G9', dueAt: at(later + hour) }), // new, in an early-warning grid
        item('D', { gridId: 'G2', dueAt: at(later + hour) }), // new, in a quiet grid
        item('E', { dueAt: at(now), closedAt: at(now + hour) }), // closed late: nothing to act on
      ],
      new Set(['G9']),
      later,
    );
    expect(step.arrivals).toEqual(['C', 'D', 'E']);
    expect(step.alerts.map((alert) => [alert.kind, alert.caseId])).toEqual([
      ['overdue', 'A'],
      ['earlyWarning', 'C'],
    ]);
  });
});
