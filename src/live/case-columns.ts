import {
  caseCategories,
  caseChannels,
  caseStages,
  satisfactionLevels,
  type CaseCategory,
  type CaseChannel,
  type CaseStage,
  type Satisfaction,
} from '../domain/case';
import {
  allocateCaseViewArrays,
  caseCodeColumnNames,
  caseCodeColumns,
  caseTimeColumnNames,
  caseTimeColumns,
  noCode,
} from '../contract/columnar/case-column-table';
import { idTableRow, type CaseColumnsWire } from '../contract/columnar/case-columns.decode';
import type { CaseFeature } from '../contract/schemas/contract.schema';
import { ViewColumnArrays } from './view-columns';

const initialCapacity = 1024;

/** Turns a case's [lng, lat] into the base map's coordinate system (identity for WGS84 on WGS84). */
export type PositionConverter = (position: readonly [number, number]) => readonly [number, number];

const codeOf = (dictionary: readonly string[], value: string | null): number => {
  if (value === null) return noCode;
  const code = dictionary.indexOf(value);
  return code < 0 ? noCode : code;
};

const timeOf = (text: string | null): number => (text === null ? Number.NaN : Date.parse(text));

/** One case as the lists and the detail show it, read from the columns (and its title, when it came as GeoJSON). */
export interface CaseSummary {
  id: string;
  /** Null for a case that came as columns and has not been streamed since: show its category instead. */
  title: string | null;
  status: CaseStage;
  channel: CaseChannel | null;
  category: CaseCategory | null;
  satisfaction: Satisfaction | null;
  gridId: string | null;
  /** Epoch ms (NaN: none). */
  reportedAt: number;
  dueAt: number;
  /** When each step of caseStages was entered (epoch ms, NaN: not reached). */
  stageEntered: number[];
}

/** The UTF-8 id blocks of rows that came as columns (rows `0 .. count - 1`) and their id → row table. */
interface IdBlocks {
  count: number;
  offsets: Uint32Array;
  bytes: Uint8Array;
  table: Int32Array;
}

/**
 * The window's cases as columns (typed arrays), built ONCE from the GeoJSON response; filters read codes and
 * times from here and produce index lists, never new objects. Streamed cases append or replace in place (by id),
 * so one live case costs a handful of array writes, not a rebuild. The parsed features are kept, unchanged, for
 * the few views that show one case (detail, lists).
 *
 * Or built from columns decoded in a worker (`fromWire`, the columnar format): the typed arrays are adopted as
 * they are, with no JS object per case; ids stay UTF-8 bytes until one is needed, and a lookup by id reads the
 * hash table the worker built (`idTable`), so a streamed case costs no index build on the main thread. Such rows have no title (`caseAt(row).title` is null) until
 * a streamed change brings the case's feature; the cases tab fetches the few it shows by id.
 */
export class CaseColumns extends ViewColumnArrays {
  /**
   * Rows written since the columns were built (a streamed case, new or changed), in order: a copy elsewhere (the
   * view worker's) catches up by these rows instead of a new copy of every column.
   */
  readonly writtenRows: number[] = [];
  /** The parsed feature of a row that came as GeoJSON (or was streamed); sparse for rows that came as columns. */
  readonly features: CaseFeature[] = [];
  /** Rows by id, for rows that came as features (all of them on the GeoJSON path, appended ones after `fromWire`). */
  private readonly rowById = new Map<string, number>();
  private idBlocks: IdBlocks | null = null;
  private readonly decoder = new TextDecoder();

  constructor(
    /** The grid ids in a fixed order; `grid` holds rows of this list. */
    readonly gridIds: readonly string[],
    private readonly convert: PositionConverter = (position) => position,
    private readonly gridRow = new Map(gridIds.map((id, row) => [id, row])),
  ) {
    super(allocateCaseViewArrays(initialCapacity), 0);
  }

  static from(
    features: readonly CaseFeature[],
    gridIds: readonly string[],
    convert?: PositionConverter,
  ): CaseColumns {
    const columns = new CaseColumns(gridIds, convert);
    columns.reserve(features.length);
    for (const feature of features) columns.upsert(feature);
    columns.writtenRows.length = 0;
    return columns;
  }

  /**
   * Live columns straight from decoded typed arrays (`decodeCaseColumns`, in the decoding worker): codes, times
   * and ids are adopted without a copy, positions are narrowed to Float32 (and converted into the base map's
   * system when `convert` is given) and grid codes mapped to rows of `gridIds` in one pass. The wire's arrays
   * belong to these columns afterwards.
   */
  static fromWire(
    wire: CaseColumnsWire,
    gridIds: readonly string[],
    convert?: PositionConverter,
  ): CaseColumns {
    const columns = new CaseColumns(gridIds, convert);
    const { count } = wire;
    columns.count = count;
    for (const name of caseCodeColumnNames) columns[name] = wire[name];
    for (const name of caseTimeColumnNames) columns[name] = wire[name];
    columns.stageEntered = wire.stageEntered;
    const positions = new Float32Array(count * 2);
    if (convert) {
      for (let row = 0; row < count; row += 1) {
        const [longitude, latitude] = convert([
          wire.positions[row * 2] ?? 0,
          wire.positions[row * 2 + 1] ?? 0,
        ]);
        positions[row * 2] = longitude;
        positions[row * 2 + 1] = latitude;
      }
    } else positions.set(wire.positions);
    columns.positions = positions;
    const grid = new Int32Array(count).fill(-1);
    if (wire.gridCodes) {
      const rowOfCode = Int32Array.from(wire.gridDictionary, (id) => columns.gridRow.get(id) ?? -1);
      const codes = wire.gridCodes;
      for (let row = 0; row < count; row += 1) grid[row] = rowOfCode[codes[row] ?? 0] ?? -1;
    }
    columns.grid = grid;
    columns.idBlocks = { count, offsets: wire.idOffsets, bytes: wire.idBytes, table: wire.idTable };
    return columns;
  }

  /** The id of a row: from its feature, or decoded from the id bytes it came with. */
  idAt(row: number): string | undefined {
    const feature = this.features[row];
    if (feature) return feature.properties.id;
    const blocks = this.idBlocks;
    if (!blocks || row < 0 || row >= blocks.count) return undefined;
    return this.decoder.decode(blocks.bytes.subarray(blocks.offsets[row] ?? 0, blocks.offsets[row + 1] ?? 0));
  }

  rowOf(id: string): number | undefined {
    const row = this.rowById.get(id);
    if (row !== undefined) return row;
    const blocks = this.idBlocks;
    return blocks ? idTableRow(id, blocks.table, blocks.offsets, blocks.bytes) : undefined;
  }

  /** One case for the lists and the detail, from the columns; undefined past the last row. */
  caseAt(row: number): CaseSummary | undefined {
    const id = this.idAt(row);
    if (id === undefined || row >= this.count) return undefined;
    const gridRow = this.grid[row] ?? -1;
    const feature = this.features[row];
    return {
      id,
      title: feature?.properties.title ?? null,
      status: this.stageAt(row),
      channel: caseChannels[this.channel[row] ?? noCode] ?? null,
      category: caseCategories[this.category[row] ?? noCode] ?? null,
      satisfaction: satisfactionLevels[this.satisfaction[row] ?? noCode] ?? null,
      gridId: gridRow < 0 ? (feature?.properties.gridId ?? null) : (this.gridIds[gridRow] ?? null),
      reportedAt: this.reportedAt[row] ?? Number.NaN,
      dueAt: this.dueAt[row] ?? Number.NaN,
      stageEntered: this.stageEntered.map((column) => column[row] ?? Number.NaN),
    };
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
    const existing = this.rowOf(properties.id);
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
    for (const name of caseCodeColumnNames) {
      const { labels, read } = caseCodeColumns[name];
      this[name][row] = codeOf(labels, read(properties) ?? null);
    }
    for (const name of caseTimeColumnNames)
      this[name][row] = timeOf(caseTimeColumns[name].read(properties) ?? null);
    caseStages.forEach((stage, index) => {
      const column = this.stageEntered[index];
      if (column) column[row] = timeOf(properties.stageTimes?.[stage] ?? null);
    });
    this.grid[row] = properties.gridId === null ? -1 : (this.gridRow.get(properties.gridId) ?? -1);
    this.features[row] = feature;
    this.writtenRows.push(row);
  }
}
