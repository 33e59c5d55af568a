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

/** Index regions by id and by parent, so breadcrumbs and drill-down are lookups, not scans. */
export interface RegionIndex {
  byId: ReadonlyMap<RegionId, Region>;
  childrenOf: ReadonlyMap<RegionId, readonly Region[]>;
  root: Region | undefined;
}

export function indexRegions(regions: readonly Region[]): RegionIndex {
  const byId = new Map<RegionId, Region>();
  const childrenOf = new Map<RegionId, Region[]>();
  let root: Region | undefined;
  for (const region of regions) {
    byId.set(region.id, region);
    if (region.parentId === null) {
      root ??= region;
      continue;
    }
    const siblings = childrenOf.get(region.parentId);
    if (siblings) siblings.push(region);
    else childrenOf.set(region.parentId, [region]);
  }
  return { byId, childrenOf, root };
}

/** The chain from the root down to the region itself (the breadcrumb). Stops safely on a broken parent link. */
export function ancestry(index: RegionIndex, id: RegionId): Region[] {
  const chain: Region[] = [];
  const seen = new Set<RegionId>();
  let current = index.byId.get(id);
  while (current && !seen.has(current.id)) {
    chain.unshift(current);
    seen.add(current.id);
    current = current.parentId ? index.byId.get(current.parentId) : undefined;
  }
  return chain;
}
