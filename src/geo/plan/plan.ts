import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { GridProperties } from '../../domain/grid';
import type { GridId, RegionId } from '../../domain/ids';

export type AreaGeometry = Polygon | MultiPolygon;
export type GridFeature = Feature<AreaGeometry, GridProperties>;
export type CommunityFeature = Feature<AreaGeometry>;

/**
 * A draft of one community's grids. Plans are never mutated: every edit returns a new plan, so the history can
 * keep the old ones and the map can compare by reference. Grids are kept sorted by id, which makes the result of
 * a changeset independent of the order edits happened in — undo returns a byte-identical plan.
 */
export interface Plan {
  communityId: RegionId;
  community: CommunityFeature;
  grids: readonly GridFeature[];
  /** The server version the draft started from; sent back on save so a stale draft is refused (409). */
  baseVersion: number;
  /**
   * The highest grid serial among the server's grids the draft started from. New grids are numbered above it, so
   * a server grid deleted in the draft never hands its id to other ground (records filed under that id would
   * follow it). Absent in drafts written before it existed.
   */
  serialFloor?: number;
}

export const planActionKinds = [
  'move_vertex',
  'move_shared_edge',
  'split_grid',
  'merge_grids',
  'carve_grid',
  'delete_grid',
  'update_grid_properties',
] as const;
export type PlanActionKind = (typeof planActionKinds)[number];

/** What the undo/redo buttons say: the action and the grids it touched, translated by the UI. */
export interface ChangesetLabel {
  action: PlanActionKind;
  gridIds: GridId[];
}

/**
 * The result of an action: grids added or replaced (matched by `properties.id`) and grids removed. Plain data,
 * so the history can be autosaved as it is.
 */
export interface Changeset {
  label: ChangesetLabel;
  put: GridFeature[];
  remove: GridId[];
}

const idCollator = new Intl.Collator('en', { numeric: true });
const byId = (a: GridFeature, b: GridFeature): number => idCollator.compare(a.properties.id, b.properties.id);

const trailingSerial = /(\d+)$/;

/**
 * A grid's serial within its community: the digits after the community id ("140502001001007" → 7 under community
 * "140502001001"; "C1-G7" → 7), not the whole numeric code.
 */
export function serialOf(id: string, communityId: string): number {
  const rest = id.startsWith(communityId) ? id.slice(communityId.length) : id;
  return Number(trailingSerial.exec(rest)?.[1] ?? 0);
}

export function createPlan(
  community: CommunityFeature,
  communityId: RegionId,
  grids: readonly GridFeature[],
  baseVersion: number,
): Plan {
  const serialFloor = grids.reduce(
    (max, grid) => Math.max(max, serialOf(grid.properties.id, communityId)),
    0,
  );
  return { communityId, community, grids: [...grids].sort(byId), baseVersion, serialFloor };
}

export const gridOf = (plan: Plan, id: GridId): GridFeature | undefined =>
  plan.grids.find((grid) => grid.properties.id === id);

export function applyChangeset(plan: Plan, changeset: Changeset): Plan {
  const replaced = new Set<GridId>([...changeset.remove, ...changeset.put.map((grid) => grid.properties.id)]);
  const kept = plan.grids.filter((grid) => !replaced.has(grid.properties.id));
  return { ...plan, grids: [...kept, ...changeset.put].sort(byId) };
}

/** The changeset that takes `applyChangeset(planBefore, changeset)` back to `planBefore`. */
export function invertChangeset(planBefore: Plan, changeset: Changeset): Changeset {
  const put: GridFeature[] = [];
  const remove: GridId[] = [];
  for (const grid of changeset.put) {
    const before = gridOf(planBefore, grid.properties.id);
    if (before) put.push(before);
    else remove.push(grid.properties.id);
  }
  for (const id of changeset.remove) {
    const before = gridOf(planBefore, id);
    if (before) put.push(before);
  }
  return { label: changeset.label, put, remove };
}
