import type { FramePadding } from '../../../map/map-controller';
import { isCompact, isPhone, phoneSheetPeekPx } from '../../../ui/screen';

/**
 * Room around the city (or a focused unit) when the map frames it, for the screen the dashboard starts on: on a
 * phone the bottom sheet covers the map's foot and the drawer is closed; on a tablet only the drawer button and
 * the map's controls stay over the map. Undefined: the map's own default (clear of the desktop's layer panel).
 */
export function screenFramePadding(): FramePadding | undefined {
  if (isPhone()) return { top: 60, bottom: phoneSheetPeekPx + 12, left: 12, right: 56 };
  if (isCompact()) return { top: 60, bottom: 24, left: 24, right: 56 };
  return undefined;
}
