import {
  caseCategories,
  caseChannels,
  caseStages,
  satisfactionLevels,
  type CaseStage,
} from '../../domain/case';
import type { CaseFeature } from '../schemas/contract.schema';

/**
 * The window's cases as columns (typed arrays), built ONCE from the GeoJSON response; filters read codes and
 * times from here and produce index lists, never new objects. Streamed cases append or replace in place (by id),
 * so one live case costs a handful of array writes, not a rebuild. The parsed features are kept, unchanged, for
 * the few views that show one case (detail, lists).
 */
export const noCode = 255;
const initialCapacity = 1024;

/** Turns a case's [lng, lat] into the base map's coordinate system (identity for WGS84 on WGS84). */
export type PositionConverter = (position: readonly [number, number]) => readonly [number, number];

const codeOf = <T extends string>(dictionary: readonly T[], value: T | null): number => {
  if (value === null) return noCode;
  const code = dictionary.indexOf(value);
  return code < 0 ? noCode : code;
};

const timeOf = (text: string | null): number => (text === null ? Number.NaN : Date.parse(text));

export class CaseColumns {
  count = 0;
  positions = new Float32Array(initialCapacity * 2);
  stage = new Uint8Array(initialCapacity);
  channel = new Uint8Array(initialCapacity);
  category = new Uint8Array(initialCapacity);
  satisfaction = new Uint8Array(initialCapacity);
  reportedAt = new Float64Array(initialCapacity);
  dueAt = new Float64Array(initialCapacity);
  closedAt = new Float64Array(initialCapacity);
  /** Row of the case's grid in `gridIds`, -1 when it has none or an unknown one. */
  grid = new Int32Array(initialCapacity);
  /** When each loop step was entered (epoch ms, NaN if not reached), one column per step of caseStages. */
  stageEntered: Float64Array[] = caseStages.map(() => new Float64Array(initialCapacity));
  readonly features: CaseFeature[] = [];
  private readonly rowById = new Map<string, number>();

  constructor(
    /** The grid ids in a fixed order; `grid` holds rows of this list. */
    readonly gridIds: readonly string[],
    private readonly convert: PositionConverter = (position) => position,
    private readonly gridRow = new Map(gridIds.map((id, row) => [id, row])),
  ) {}

  static from(
    features: readonly CaseFeature[],
    gridIds: readonly string[],
    convert?: PositionConverter,
  ): CaseColumns {
    const columns = new CaseColumns(gridIds, convert);
    columns.reserve(features.length);
    for (const feature of features) columns.upsert(feature);
    return columns;
  }

  rowOf(id: string): number | undefined {
    return this.rowById.get(id);
  }

  stageAt(row: number): CaseStage {
    return caseStages[this.stage[row] ?? 0] ?? 'reported';
  }

  /**
   * Add a new case or replace the one with its id. A change never moves a case back in the loop: an event older
   * than what a fetch already returned (stream and fetch overlap) is ignored. Returns the row and whether it was
   * new, or null when ignored.
   */
  upsert(feature: CaseFeature): { row: number; added: boolean } | null {
    const properties = feature.properties;
    const existing = this.rowById.get(properties.id);
    if (existing !== undefined) {
      const before = this.stage[existing] ?? 0;
      if (caseStages.indexOf(properties.status) < before) return null;
      this.write(existing, feature);
      return { row: existing, added: false };
    }
    const row = this.count;
    this.reserve(row + 1);
    this.count = row + 1;
    this.rowById.set(properties.id, row);
    this.write(row, feature);
    return { row, added: true };
  }

  private write(row: number, feature: CaseFeature): void {
    const properties = feature.properties;
    const [longitude, latitude] = this.convert([
      feature.geometry.coordinates[0],
      feature.geometry.coordinates[1],
    ]);
    this.positions[row * 2] = longitude;
    this.positions[row * 2 + 1] = latitude;
    this.stage[row] = codeOf(caseStages, properties.status);
    this.channel[row] = codeOf(caseChannels, properties.channel);
    this.category[row] = codeOf(caseCategories, properties.category);
    this.satisfaction[row] = codeOf(satisfactionLevels, properties.satisfaction);
    this.reportedAt[row] = timeOf(properties.reportedAt);
    this.dueAt[row] = timeOf(properties.dueAt);
    this.closedAt[row] = timeOf(properties.closedAt);
    caseStages.forEach((stage, index) => {
      const column = this.stageEntered[index];
      if (column) column[row] = timeOf(properties.stageTimes?.[stage] ?? null);
    });
    this.grid[row] = properties.gridId === null ? -1 : (this.gridRow.get(properties.gridId) ?? -1);
    this.features[row] = feature;
  }

  /** Grow every column to hold `size` rows, doubling so appends stay amortised O(1). */
  private reserve(size: number): void {
    if (size <= this.stage.length) return;
    let capacity = this.stage.length;
    while (capacity < size) capacity *= 2;
    const grow = <A extends Float32Array | Float64Array | Uint8Array | Int32Array>(
      from: A,
      make: (length: number) => A,
      perRow = 1,
    ): A => {
      const next = make(capacity * perRow);
      next.set(from);
      return next;
    };
    this.positions = grow(this.positions, (length) => new Float32Array(length), 2);
    this.stage = grow(this.stage, (length) => new Uint8Array(length));
    this.channel = grow(this.channel, (length) => new Uint8Array(length));
    this.category = grow(this.category, (length) => new Uint8Array(length));
    this.satisfaction = grow(this.satisfaction, (length) => new Uint8Array(length));
    this.reportedAt = grow(this.reportedAt, (length) => new Float64Array(length));
    this.dueAt = grow(this.dueAt, (length) => new Float64Array(length));
    this.closedAt = grow(this.closedAt, (length) => new Float64Array(length));
    this.grid = grow(this.grid, (length) => new Int32Array(length));
    this.stageEntered = this.stageEntered.map((column) => grow(column, (length) => new Float64Array(length)));
  }
}
