import type { RegionId } from './ids';

/** The administrative ladder above the grid, top to bottom. */
export const regionLevels = ['city', 'district', 'street', 'community'] as const;
export type RegionLevel = (typeof regionLevels)[number];

/** Any unit a view can be focused on: the four region levels plus the grid itself. */
export type UnitLevel = RegionLevel | 'grid';

export interface Region {
  id: RegionId;
  name: string;
  level: RegionLevel;
  parentId: RegionId | null;
}

/** The level directly below a unit, or null for a grid (the basic unit has no children). */
export function childLevel(level: UnitLevel): UnitLevel | null {
  switch (level) {
    case 'city':
      return 'district';
    case 'district':
      return 'street';
    case 'street':
      return 'community';
    case 'community':
      return 'grid';
    case 'grid':
      return null;
  }
}
