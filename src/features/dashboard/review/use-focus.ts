import { useFocusUnit } from '../../../data/queries';
import type { FocusUnit } from '../../../domain/unit-tree';
import { useViewSettings } from '../../../ui/view-state';

export type { FocusUnit } from '../../../domain/unit-tree';

/**
 * The dashboard's focused unit (`?region=`): the one hook its review, map and cases panels read, resolved once per
 * unit tree (the city when the id is absent or unknown).
 */
export function useFocus(): FocusUnit | null {
  return useFocusUnit(useViewSettings()[0].region);
}
