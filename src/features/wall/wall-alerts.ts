import type { CaseCategory } from '../../domain/case';
import type { CaseSummary } from '../../live/case-columns';

/**
 * The wall's banner: a case that arrives overdue (its deadline passed, not closed) or in an early-warning grid
 * is what the room must see at once. Pure, so the rule is tested without a map or a clock.
 */
export type WallAlertReason = 'overdue' | 'earlyWarning';

export interface WallAlert {
  caseId: string;
  reason: WallAlertReason;
  category: CaseCategory | null;
  gridId: string | null;
  /** Epoch ms when it arrived on the wall; the banner holds it for `wall.alertSeconds`. */
  at: number;
}

export function alertReasonOf(
  item: Pick<CaseSummary, 'status' | 'dueAt' | 'gridId'>,
  warningGrids: ReadonlySet<string>,
  now: number,
): WallAlertReason | null {
  if (item.status !== 'closed' && Number.isFinite(item.dueAt) && item.dueAt < now) return 'overdue';
  if (item.gridId !== null && warningGrids.has(item.gridId)) return 'earlyWarning';
  return null;
}

/** The alerts still showing at `now`, newest first. */
export function showingAlerts(alerts: readonly WallAlert[], now: number, holdMs: number): WallAlert[] {
  return alerts.filter((alert) => now - alert.at < holdMs).sort((a, b) => b.at - a.at);
}

/**
 * The alerts of the arrivals (the live engine keeps the latest few): each judged as it stood when it arrived,
 * overdue by its deadline then, early warning by the grids flagged now.
 */
export function alertsOf(
  arrivals: readonly { id: string; row: number; at: number }[],
  caseAt: (row: number) => Pick<CaseSummary, 'id' | 'status' | 'dueAt' | 'gridId' | 'category'> | undefined,
  warningGrids: ReadonlySet<string>,
): WallAlert[] {
  const alerts: WallAlert[] = [];
  for (const arrival of arrivals) {
    const item = caseAt(arrival.row);
    if (!item || item.id !== arrival.id) continue;
    const reason = alertReasonOf(item, warningGrids, arrival.at);
    if (reason)
      alerts.push({ caseId: item.id, reason, category: item.category, gridId: item.gridId, at: arrival.at });
  }
  return alerts;
}
