import { useEffect, useMemo, useState } from 'react';
import type { CaseColumns } from '../../live/case-columns';
import type { CaseArrival } from '../../live/live-cases';
import { alertsOf, showingAlerts, type WallAlert } from './wall-alerts';

/**
 * The banner's alerts: each case that arrived overdue or in an early-warning grid, held for `alertSeconds`.
 * Derived from the live engine's arrivals (a capped list), so nothing accumulates over weeks; a timer moves the
 * clock when the oldest showing alert is due to go.
 */
export function useWallAlerts(
  arrivals: readonly CaseArrival[],
  columns: CaseColumns,
  warningGrids: ReadonlySet<string>,
  alertSeconds: number,
): WallAlert[] {
  const holdMs = alertSeconds * 1000;
  const raised = useMemo(
    () => alertsOf(arrivals, (row) => columns.caseAt(row), warningGrids),
    [arrivals, columns, warningGrids],
  );
  const [clock, setClock] = useState(() => Date.now());
  const showing = useMemo(() => showingAlerts(raised, clock, holdMs), [raised, clock, holdMs]);
  const nextExpiry = showing.length > 0 ? Math.min(...showing.map((alert) => alert.at + holdMs)) : null;
  useEffect(() => {
    if (nextExpiry === null) return;
    const timer = window.setTimeout(() => setClock(Date.now()), Math.max(0, nextExpiry - Date.now()) + 50);
    return () => window.clearTimeout(timer);
  }, [nextExpiry]);
  return showing;
}
