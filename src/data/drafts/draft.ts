import type { RegionId } from '../../domain/ids';
import type { PlanHistory } from '../../geo/plan/history';
import type { GridFeature, Plan } from '../../geo/plan/plan';

/**
 * A planner's unsaved work on one community, as stored in IndexedDB. Plain data (history holds changesets, not
 * functions) so it survives a reload, a crash or a closed tab exactly as it was. It is only dropped after the
 * server accepted the plan: until then it is the one copy of the planner's work.
 */
export interface PlanDraft {
  /** The community id for the working draft; `<communityId>#copy-<time>` for a copy kept after a conflict. */
  key: string;
  communityId: RegionId;
  communityName: string;
  plan: Plan;
  history: PlanHistory;
  /** The server's grids at `baseVersion`: the "before" of the preview and of the conflict comparison. */
  baseGrids: GridFeature[];
  baseVersion: number;
  /** ISO 8601 time of the last successful write. */
  savedAt: string;
}

export const workingDraftKey = (communityId: RegionId): string => communityId;

/**
 * A key no other draft has: the time orders copies for people, the random tail keeps two copies kept in the same
 * millisecond (two tabs, a double click) from landing on one key and the second overwriting the first.
 * getRandomValues, not randomUUID: the latter exists only in secure contexts, and a plain-http intranet is not one.
 */
export function copyDraftKey(communityId: RegionId, at: Date): string {
  const tail = Array.from(crypto.getRandomValues(new Uint8Array(4)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
  return `${communityId}#copy-${at.toISOString()}-${tail}`;
}

export const isCopyKey = (key: string): boolean => key.includes('#copy-');

/** How many edits the draft holds beyond its base, for the drafts list. */
export const editCount = (draft: Pick<PlanDraft, 'history'>): number => draft.history.undoStack.length;

/**
 * A light check of what IndexedDB hands back: the store is ours, but an older build may have written another
 * shape, and a draft the planner cannot open must not crash the page.
 */
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export function isPlanDraft(value: unknown): value is PlanDraft {
  if (!isRecord(value) || !isRecord(value.history)) return false;
  const { history } = value;
  if (!isRecord(history.plan)) return false;
  return (
    typeof value.key === 'string' &&
    typeof value.communityId === 'string' &&
    typeof value.savedAt === 'string' &&
    typeof value.baseVersion === 'number' &&
    Array.isArray(value.baseGrids) &&
    Array.isArray(history.undoStack) &&
    Array.isArray(history.redoStack) &&
    Array.isArray(history.plan.grids)
  );
}
