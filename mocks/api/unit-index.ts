import type { UnitLevel } from '../../src/domain/hierarchy';
import type { GridFeature, RegionFeature } from '../../src/contract/schemas/contract.schema';

/**
 * Every unit a request can name (a region or a grid) with its path from the city down, so "is this case in that
 * street?" is one array lookup (`path[levelDepth] === streetId`) instead of a walk up the tree per case.
 */
export interface Unit {
  id: string;
  name: string;
  level: UnitLevel;
  /** Ids from the root down to the unit itself. */
  path: readonly string[];
}

export const levelDepth: Record<UnitLevel, number> = {
  city: 0,
  district: 1,
  street: 2,
  community: 3,
  grid: 4,
};

export class UnitIndex {
  private readonly units = new Map<string, Unit>();
  private readonly children = new Map<string, Unit[]>();

  constructor(regions: readonly RegionFeature[], grids: readonly GridFeature[]) {
    const byId = new Map(regions.map((region) => [region.properties.id as string, region.properties]));
    const pathOf = (id: string, seen: Set<string> = new Set()): string[] => {
      const region = byId.get(id);
      if (!region || seen.has(id)) return [];
      seen.add(id);
      return [...(region.parentId ? pathOf(region.parentId, seen) : []), id];
    };
    for (const region of regions) {
      const { id, name, level, parentId } = region.properties;
      this.add({ id, name, level, path: pathOf(id) }, parentId);
    }
    for (const grid of grids) this.addGrid(grid);
  }

  get(id: string): Unit | undefined {
    return this.units.get(id);
  }

  childrenOf(id: string): readonly Unit[] {
    return this.children.get(id) ?? [];
  }

  root(): Unit | undefined {
    for (const unit of this.units.values()) if (unit.path.length === 1) return unit;
    return undefined;
  }

  /**
   * A community's grids were redrawn: the new grids become its children. The old ones stay resolvable, because
   * cases filed in them keep that history, but they are no longer listed as children.
   */
  replaceGrids(communityId: string, grids: readonly GridFeature[]): void {
    this.children.set(communityId, []);
    for (const grid of grids) this.addGrid(grid);
  }

  private addGrid(grid: GridFeature): void {
    const { id, name, communityId } = grid.properties;
    const community = this.units.get(communityId);
    this.add({ id, name, level: 'grid', path: [...(community?.path ?? [communityId]), id] }, communityId);
  }

  private add(unit: Unit, parentId: string | null): void {
    this.units.set(unit.id, unit);
    if (parentId === null) return;
    const siblings = this.children.get(parentId);
    if (siblings) siblings.push(unit);
    else this.children.set(parentId, [unit]);
  }
}
