import { applyChangeset, invertChangeset, type Changeset, type ChangesetLabel, type Plan } from './plan';

export interface HistoryEntry {
  forward: Changeset;
  inverse: Changeset;
}

/**
 * The planner's one transaction log, in the manner of placemark's `transact`: every edit goes through
 * `transact`, which records its inverse, so undo is applying the inverse changeset. Plain data (no classes, no
 * functions) so the whole draft can be autosaved to IndexedDB and restored as it was.
 */
export interface PlanHistory {
  plan: Plan;
  undoStack: HistoryEntry[];
  redoStack: HistoryEntry[];
}

export const startHistory = (plan: Plan): PlanHistory => ({ plan, undoStack: [], redoStack: [] });

export function transact(history: PlanHistory, changeset: Changeset): PlanHistory {
  const inverse = invertChangeset(history.plan, changeset);
  return {
    plan: applyChangeset(history.plan, changeset),
    undoStack: [...history.undoStack, { forward: changeset, inverse }],
    redoStack: [],
  };
}

export const canUndo = (history: PlanHistory): boolean => history.undoStack.length > 0;
export const canRedo = (history: PlanHistory): boolean => history.redoStack.length > 0;

export function undo(history: PlanHistory): PlanHistory {
  const entry = history.undoStack.at(-1);
  if (!entry) return history;
  return {
    plan: applyChangeset(history.plan, entry.inverse),
    undoStack: history.undoStack.slice(0, -1),
    redoStack: [...history.redoStack, entry],
  };
}

export function redo(history: PlanHistory): PlanHistory {
  const entry = history.redoStack.at(-1);
  if (!entry) return history;
  return {
    plan: applyChangeset(history.plan, entry.forward),
    undoStack: [...history.undoStack, entry],
    redoStack: history.redoStack.slice(0, -1),
  };
}

/** What "undo …" and "redo …" would do, for the buttons' labels; undefined when there is nothing. */
export const undoLabel = (history: PlanHistory): ChangesetLabel | undefined =>
  history.undoStack.at(-1)?.forward.label;
export const redoLabel = (history: PlanHistory): ChangesetLabel | undefined =>
  history.redoStack.at(-1)?.forward.label;
