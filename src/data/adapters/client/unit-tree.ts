import type { UnitLevel } from '../../../domain/hierarchy';
import type { GridFeature, RegionFeature } from '../../../contract/schemas/contract.schema';

/** Only the properties matter: the worker builds the tree from them without the grids' geometry. */
export interface UnitSource {
  regions: { readonly features: readonly { readonly properties: RegionFeature['properties'] }[] };
  grids: {
    readonly features: readonly {
      readonly properties: Pick<GridFeature['properties'], 'id' | 'name' | 'communityId'>;
    }[];
  };
}

/**
 * Every unit an indicators query can name (a region or a grid), with its path from the city down, so "is this
 * case in that street?" is one array read (`path[depth] === streetId`). The same rules as the REST server's:
 * children are listed in input order, regions before grids, and a grid hangs under its community.
 */
export interface Unit {
  id: string;
  name: string;
  level: UnitLevel;
  path: readonly string[];
}

export class UnitTree {
  private readonly units = new Map<string, Unit>();
  private readonly children = new Map<string, Unit[]>();

  constructor(regions: UnitSource['regions'], grids: UnitSource['grids']) {
    const byId = new Map(
      regions.features.map((region) => [region.properties.id as string, region.properties]),
    );
    const pathOf = (id: string, seen: Set<string> = new Set()): string[] => {
      const region = byId.get(id);
      if (!region || seen.has(id)) return [];
      seen.add(id);
      return [...(region.parentId ? pathOf(region.parentId, seen) : []), id];
    };
    for (const { properties } of regions.features)
      this.add(
        { id: properties.id, name: properties.name, level: properties.level, path: pathOf(properties.id) },
        properties.parentId,
      );
    for (const { properties } of grids.features) {
      const community = this.units.get(properties.communityId);
      const path = [...(community?.path ?? [properties.communityId]), properties.id];
      this.add({ id: properties.id, name: properties.name, level: 'grid', path }, properties.communityId);
    }
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

  private add(unit: Unit, parentId: string | null): void {
    this.units.set(unit.id, unit);
    if (parentId === null) return;
    const siblings = this.children.get(parentId);
    if (siblings) siblings.push(unit);
    else this.children.set(parentId, [unit]);
  }
}
