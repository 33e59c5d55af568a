import { ancestry, type RegionIndex } from '../../../domain/hierarchy';
import type { RegionId } from '../../../domain/ids';

/**
 * Where a tap on a grid drills the review: the unit one level under the focus (the city when none) on the way
 * down to the grid's community. Null when the focus is the community itself or the grid lies outside the focus:
 * the tap then selects the grid instead.
 */
export function drillTargetOf(
  index: RegionIndex,
  focus: string | null,
  communityId: RegionId,
): RegionId | null {
  const chain = ancestry(index, communityId);
  const at = focus === null ? 0 : chain.findIndex((unit) => unit.id === focus);
  if (at < 0) return null;
  return chain[at + 1]?.id ?? null;
}
