import { isOverdue } from '../../domain/case';

/**
 * What the wall learns from one poll of the newest cases against the poll before: the cases that came in (they
 * pulse on the map) and the ones worth a banner — a case that has just become overdue (still open past its due
 * time), or a new case in an early-warning grid. The first poll only sets the baseline: a wall switched on in
 * the morning does not raise a banner for every case already overdue.
 */
export interface WatchedCase {
  id: string;
  gridId: string | null;
  category: string;
  title: string;
  dueAt: string;
  closedAt: string | null;
}

export type WallAlertKind = 'overdue' | 'earlyWarning';

export interface WallAlert {
  kind: WallAlertKind;
  caseId: string;
  gridId: string | null;
  category: string;
  title: string;
}

export interface CaseWatch {
  seen: ReadonlySet<string>;
  overdue: ReadonlySet<string>;
}

export interface WatchStep {
  watch: CaseWatch;
  /** Ids of the cases new since the last poll, in the poll's order. */
  arrivals: string[];
  alerts: WallAlert[];
}

const openAndOverdue = (item: WatchedCase, now: Date) => item.closedAt === null && isOverdue(item, now);

export function watchCases(
  previous: CaseWatch | null,
  cases: readonly WatchedCase[],
  warningGrids: ReadonlySet<string>,
  now: number,
): WatchStep {
  const at = new Date(now);
  const seen = new Set<string>();
  const overdue = new Set<string>();
  const arrivals: string[] = [];
  const alerts: WallAlert[] = [];
  for (const item of cases) {
    seen.add(item.id);
    const late = openAndOverdue(item, at);
    if (late) overdue.add(item.id);
    if (!previous) continue;
    const isNew = !previous.seen.has(item.id);
    if (isNew) arrivals.push(item.id);
    const { id: caseId, gridId, category, title } = item;
    if (late && !previous.overdue.has(item.id))
      alerts.push({ kind: 'overdue', caseId, gridId, category, title });
    else if (isNew && gridId !== null && warningGrids.has(gridId))
      alerts.push({ kind: 'earlyWarning', caseId, gridId, category, title });
  }
  return { watch: { seen, overdue }, arrivals, alerts };
}
