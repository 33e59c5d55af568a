import type { UnitId } from '../../../domain/ids';
import type { UnitTree } from '../../../domain/unit-tree';

/**
 * Where a tap on a grid drills the review: the unit one level under the focus (the city when none) on the way
 * down to the grid's community. Null when the focus is the community itself or the grid lies outside the focus:
 * the tap then selects the grid instead.
 */
export function drillTargetOf(tree: UnitTree, focus: string | null, communityId: string): UnitId | null {
  const path = tree.get(communityId)?.path ?? [];
  const at = focus === null ? 0 : path.findIndex((unit) => unit === focus);
  if (at < 0) return null;
  return path[at + 1] ?? null;
}
