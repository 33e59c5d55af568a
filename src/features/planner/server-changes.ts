import type { GridId } from '../../domain/ids';
import type { GridFeature, Plan } from '../../geo/plan/plan';
import { startHistory, transact, type PlanHistory } from '../../geo/plan/history';

export type ServerChangeKind = 'added' | 'removed' | 'changed';

export interface ServerChange {
  gridId: GridId;
  name: string;
  kind: ServerChangeKind;
}

/** What a grid is, leaving out the version the server stamps on every save. */
const contentOf = (grid: GridFeature): string => {
  return JSON.stringify([grid.geometry, { ...grid.properties, version: null }]);
};

/** What someone else changed on the server since the draft's base: the conflict panel lists and outlines it. */
export function serverChanges(base: readonly GridFeature[], server: readonly GridFeature[]): ServerChange[] {
  const baseById = new Map(base.map((grid) => [grid.properties.id, grid]));
  const serverById = new Map(server.map((grid) => [grid.properties.id, grid]));
  const changes: ServerChange[] = [];
  for (const [id, grid] of serverById) {
    const was = baseById.get(id);
    if (!was) changes.push({ gridId: id, name: grid.properties.name, kind: 'added' });
    else if (contentOf(was) !== contentOf(grid))
      changes.push({ gridId: id, name: grid.properties.name, kind: 'changed' });
  }
  for (const [id, grid] of baseById)
    if (!serverById.has(id)) changes.push({ gridId: id, name: grid.properties.name, kind: 'removed' });
  return changes;
}

/**
 * Replays the draft's edits on the server's current plan, each through `transact`, so the result keeps one undo
 * step per edit. A grid both sides changed takes the planner's version; live validation then shows any overlap
 * or gap the two edits make together.
 */
export const rebaseHistory = (history: PlanHistory, serverPlan: Plan): PlanHistory =>
  history.undoStack.reduce((rebased, entry) => transact(rebased, entry.forward), startHistory(serverPlan));
