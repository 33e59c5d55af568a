import { childLevel, type RegionLevel, type UnitLevel } from './hierarchy';
import type { UnitId } from './ids';

/** A region as the tree needs it: the properties of a region feature, without its geometry. */
export interface RegionRecord {
  readonly id: string;
  readonly name: string;
  readonly level: RegionLevel;
  readonly parentId: string | null;
}

/** A grid as the tree needs it: it hangs under its community. */
export interface GridRecord {
  readonly id: string;
  readonly name: string;
  readonly communityId: string;
}

/**
 * Any unit a view or a query can name (a region or a grid), with its path from the city down, so "is this case in
 * that street?" is one array read (`path[depth] === streetId`) instead of a walk up the tree per case.
 */
export interface Unit {
  id: UnitId;
  name: string;
  level: UnitLevel;
  /** Ids from the root down to the unit itself. */
  path: readonly UnitId[];
}

/** The unit a view is focused on, resolved once: what the breadcrumb, the review, the map and the cases read. */
export interface FocusUnit {
  id: UnitId;
  name: string;
  level: UnitLevel;
  /** From the city down to the unit itself: the breadcrumb. */
  chain: readonly Unit[];
  childLevel: UnitLevel | null;
  /** The grid ids inside the unit; null for the whole city (every grid, and what lies outside any grid). */
  gridIds: ReadonlySet<string> | null;
}

/** A collection as the wire carries it: only the properties are read. */
interface Collection<P> {
  readonly features: readonly { readonly properties: P }[];
}

/**
 * The one unit hierarchy (city → district → street → community → grid) of the client, the mock and the
 * client-side indicators. Children are listed in input order, regions before grids, and a grid hangs under its
 * community — the same rules as the REST server's (server/src/units.ts reads them from its tables).
 */
export class UnitTree {
  private readonly units = new Map<string, Unit>();
  private readonly children = new Map<string, Unit[]>();
  private readonly focusCache = new Map<string, FocusUnit | null>();

  constructor(regions: readonly RegionRecord[], grids: readonly GridRecord[] = []) {
    const byId = new Map(regions.map((region) => [region.id, region]));
    const pathOf = (id: string, seen: Set<string> = new Set()): UnitId[] => {
      const region = byId.get(id);
      if (!region || seen.has(id)) return [];
      seen.add(id);
      return [...(region.parentId ? pathOf(region.parentId, seen) : []), id as UnitId];
    };
    // The tree is where wire ids become unit ids: every id it hands out names a unit it holds.
    for (const { id, name, level, parentId } of regions)
      this.add({ id: id as UnitId, name, level, path: pathOf(id) }, parentId);
    for (const grid of grids) this.addGrid(grid);
  }

  /** From the wire's region and grid collections (the grids' geometry is not read). */
  static of(regions: Collection<RegionRecord>, grids?: Collection<GridRecord>): UnitTree {
    return new UnitTree(
      regions.features.map((feature) => feature.properties),
      grids?.features.map((feature) => feature.properties),
    );
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

  /** The chain from the root down to the unit itself (the breadcrumb); empty for an unknown id. */
  ancestry(id: string): Unit[] {
    const path = this.units.get(id)?.path ?? [];
    return path.flatMap((step) => this.units.get(step) ?? []);
  }

  /** The grid ids inside a unit (a region at any level, or a grid itself); null means the whole city. */
  gridsIn(id: string | null): ReadonlySet<string> | null {
    return this.focus(id)?.gridIds ?? null;
  }

  /** The focused unit, resolved once per id; the city when the id is absent or unknown, null without a city. */
  focus(id: string | null): FocusUnit | null {
    const key = id ?? '';
    const cached = this.focusCache.get(key);
    if (cached !== undefined) return cached;
    const unit = (id === null ? undefined : this.units.get(id)) ?? this.root();
    const focus = unit
      ? {
          id: unit.id,
          name: unit.name,
          level: unit.level,
          chain: this.ancestry(unit.id),
          childLevel: childLevel(unit.level),
          gridIds: unit.path.length === 1 ? null : this.gridsUnder(unit),
        }
      : null;
    this.focusCache.set(key, focus);
    return focus;
  }

  /**
   * A community's grids were redrawn: the new grids become its children. The old ones stay resolvable, because
   * cases filed in them keep that history, but they are no longer listed as children.
   */
  replaceGrids(communityId: string, grids: readonly GridRecord[]): void {
    this.children.set(communityId, []);
    for (const grid of grids) this.addGrid(grid);
    this.focusCache.clear();
  }

  private gridsUnder(unit: Unit): Set<string> {
    const grids = new Set<string>();
    const queue: Unit[] = [unit];
    for (let next = queue.pop(); next; next = queue.pop()) {
      if (next.level === 'grid') grids.add(next.id);
      else queue.push(...this.childrenOf(next.id));
    }
    return grids;
  }

  private addGrid({ id, name, communityId }: GridRecord): void {
    const community = this.units.get(communityId);
    const unit = id as UnitId;
    const path = [...(community?.path ?? [communityId as UnitId]), unit];
    this.add({ id: unit, name, level: 'grid', path }, communityId);
  }

  private add(unit: Unit, parentId: string | null): void {
    this.units.set(unit.id, unit);
    if (parentId === null) return;
    const siblings = this.children.get(parentId);
    if (siblings) siblings.push(unit);
    else this.children.set(parentId, [unit]);
  }
}
