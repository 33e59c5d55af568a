import { describe, expect, it } from 'vitest';
import { alertReasonOf, alertsOf, showingAlerts, type WallAlert } from './wall-alerts';

const now = Date.parse('2026-12-07T10:00:00+08:00');
const warning = new Set(['g-hot']);

describe('alertReasonOf', () => {
  it('flags a case past its deadline and not closed as overdue', () => {
    expect(alertReasonOf({ status: 'handling', dueAt: now - 1, gridId: 'g-1' }, warning, now)).toBe(
      'overdue',
    );
    expect(alertReasonOf({ status: 'closed', dueAt: now - 1, gridId: 'g-1' }, warning, now)).toBeNull();
    expect(alertReasonOf({ status: 'reported', dueAt: now + 1, gridId: 'g-1' }, warning, now)).toBeNull();
    expect(alertReasonOf({ status: 'reported', dueAt: Number.NaN, gridId: 'g-1' }, warning, now)).toBeNull();
  });

  it('flags a case in an early-warning grid', () => {
    expect(alertReasonOf({ status: 'reported', dueAt: now + 1, gridId: 'g-hot' }, warning, now)).toBe(
      'earlyWarning',
    );
    expect(alertReasonOf({ status: 'reported', dueAt: now + 1, gridId: null }, warning, now)).toBeNull();
  });
});

describe('showingAlerts', () => {
  const alert = (caseId: string, at: number): WallAlert => ({
    caseId,
    reason: 'overdue',
    category: null,
    gridId: null,
    at,
  });
  it('keeps the alerts younger than the hold time, newest first', () => {
    const alerts = [alert('old', now - 61_000), alert('a', now - 30_000), alert('b', now - 1_000)];
    expect(showingAlerts(alerts, now, 60_000).map((item) => item.caseId)).toEqual(['b', 'a']);
  });
});

describe('alertsOf', () => {
  it('judges each arrival as it stood when it arrived and skips rows that moved to another case', () => {
    const cases = [
      {
        id: 'late',
        status: 'handling' as const,
        dueAt: now - 5,
        gridId: 'g-1',
        category: 'dispute' as const,
      },
      { id: 'fresh', status: 'reported' as const, dueAt: now + 5, gridId: 'g-hot', category: null },
      { id: 'calm', status: 'reported' as const, dueAt: now + 5, gridId: 'g-1', category: null },
    ];
    const arrivals = [
      { id: 'late', row: 0, at: now },
      { id: 'fresh', row: 1, at: now },
      { id: 'calm', row: 2, at: now },
      { id: 'gone', row: 0, at: now },
    ];
    const alerts = alertsOf(arrivals, (row) => cases[row], warning);
    expect(alerts.map((alert) => [alert.caseId, alert.reason, alert.category])).toEqual([
      ['late', 'overdue', 'dispute'],
      ['fresh', 'earlyWarning', null],
    ]);
  });
});
