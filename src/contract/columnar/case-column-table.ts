import {
  caseCategories,
  caseChannels,
  caseStages,
  satisfactionLevels,
  settlementLevels,
  supervisionStates,
} from '../../domain/case';
import { departmentIds } from '../../domain/department';
import type { z } from 'zod';
import type { casePropertiesSchema } from '../schemas/contract.schema';

/** A case's properties as the wire has them (a parsed case fits too): what each column's `read` takes. */
type CaseFields = z.input<typeof casePropertiesSchema>;

/**
 * The case columns, declared once. The wire format's columns (docs/api.md, "Columnar points"), the decoder's
 * checks, the encoder, the live columns, the view worker's copy, the transfer lists and the doubling growth all
 * derive from this table, so a new column is one line here (and its reading in the encoder).
 *
 * - `code` columns hold the domain's code (the index in `labels`, 255 for none) in a Uint8Array; on the wire they
 *   are category columns named `wire`; `required` ones must have a value for every case.
 * - `time` columns hold epoch ms (NaN for none) in a Float64Array; on the wire they are timestamp columns.
 * - `stageEntered` is one time column per step of caseStages (`stageTimes.<step>` on the wire).
 * - `read` takes the column's value out of a case's GeoJSON properties (the stream's events, a GeoJSON answer), so a
 *   value nested in the case (`supervision.state`) is a column like any other.
 * - `positions` (two per row) and `grid` (a row of the grid list, -1 for none) are the live columns' own: the wire
 *   carries float64 positions and a grid-id dictionary instead.
 */
export const caseCodeColumns = {
  stage: { wire: 'status', labels: caseStages, required: true, read: (c: CaseFields) => c.status },
  channel: { wire: 'channel', labels: caseChannels, required: true, read: (c: CaseFields) => c.channel },
  category: { wire: 'category', labels: caseCategories, required: true, read: (c: CaseFields) => c.category },
  satisfaction: {
    wire: 'satisfaction',
    labels: satisfactionLevels,
    required: false,
    read: (c: CaseFields) => c.satisfaction,
  },
  department: {
    wire: 'department',
    labels: departmentIds,
    required: false,
    read: (c: CaseFields) => c.department,
  },
  resolvedAtLevel: {
    wire: 'resolvedAtLevel',
    labels: settlementLevels,
    required: false,
    read: (c: CaseFields) => c.resolvedAtLevel,
  },
  supervisionState: {
    wire: 'supervision.state',
    labels: supervisionStates,
    required: false,
    read: (c: CaseFields) => c.supervision?.state,
  },
} as const;

export const caseTimeColumns = {
  reportedAt: { wire: 'reportedAt', required: true, read: (c: CaseFields) => c.reportedAt },
  dueAt: { wire: 'dueAt', required: true, read: (c: CaseFields) => c.dueAt },
  closedAt: { wire: 'closedAt', required: false, read: (c: CaseFields) => c.closedAt },
  /** The first step up the ladder (the escalation rate counts cases that have one). */
  escalatedAt: { wire: 'escalatedAt', required: false, read: (c: CaseFields) => c.escalations?.[0]?.at },
  supervisedAt: { wire: 'supervision.at', required: false, read: (c: CaseFields) => c.supervision?.at },
  supervisionDeadline: {
    wire: 'supervision.deadline',
    required: false,
    read: (c: CaseFields) => c.supervision?.deadline,
  },
} as const;

export type CaseCodeColumn = keyof typeof caseCodeColumns;
export type CaseTimeColumn = keyof typeof caseTimeColumns;

export const caseCodeColumnNames = Object.keys(caseCodeColumns) as CaseCodeColumn[];
export const caseTimeColumnNames = Object.keys(caseTimeColumns) as CaseTimeColumn[];

/** The wire name of the time column of one loop step. */
export const stageTimesColumn = (step: (typeof caseStages)[number]): string => `stageTimes.${step}`;

/** No value in a code column. */
export const noCode = 255;

/** The code and time columns, as the decoder hands them over and every copy of the live columns holds them. */
export type CaseValueColumns = { [K in CaseCodeColumn]: Uint8Array<ArrayBuffer> } & {
  [K in CaseTimeColumn]: Float64Array<ArrayBuffer>;
} & {
  /** When each loop step was entered (epoch ms, NaN: not reached), one column per step of caseStages. */
  stageEntered: Float64Array<ArrayBuffer>[];
};

/** The columns a view is derived from (selection, heat, lists, funnel): the value columns, positions and grid. */
export type CaseViewArrays = CaseValueColumns & {
  /** Interleaved longitude, latitude in the base map's system. */
  positions: Float32Array<ArrayBuffer>;
  /** Row of the case's grid in the grid list, -1 when it has none or an unknown one. */
  grid: Int32Array<ArrayBuffer>;
};

/** The columns that hold one value per row (all but positions and the per-step group). */
export type OneValueColumn = CaseCodeColumn | CaseTimeColumn | 'grid';
export const oneValueColumns: readonly OneValueColumn[] = [
  ...caseCodeColumnNames,
  ...caseTimeColumnNames,
  'grid',
];

/** Empty view columns for `capacity` rows: codes 255, times NaN, grid -1. */
export function allocateCaseViewArrays(capacity: number): CaseViewArrays {
  return {
    positions: new Float32Array(capacity * 2),
    ...allocate(caseCodeColumnNames, () => new Uint8Array(capacity).fill(noCode)),
    ...allocate(caseTimeColumnNames, () => new Float64Array(capacity).fill(Number.NaN)),
    grid: new Int32Array(capacity).fill(-1),
    stageEntered: caseStages.map(() => new Float64Array(capacity).fill(Number.NaN)),
  };
}

function allocate<K extends string, A>(names: readonly K[], make: () => A): Record<K, A> {
  return Object.fromEntries(names.map((name) => [name, make()])) as Record<K, A>;
}

/** The code and time arrays, in a fixed order (for transfer lists). */
export function caseValueArrayList(columns: CaseValueColumns): ArrayBufferView<ArrayBuffer>[] {
  return [
    ...caseCodeColumnNames.map((name) => columns[name]),
    ...caseTimeColumnNames.map((name) => columns[name]),
    ...columns.stageEntered,
  ];
}

/** Grow every column to hold `size` rows, doubling so appends stay amortised O(1). */
export function reserveCaseRows(columns: CaseViewArrays, size: number): void {
  if (size <= columns.stage.length) return;
  let capacity = Math.max(1, columns.stage.length);
  while (capacity < size) capacity *= 2;
  const grown = allocateCaseViewArrays(capacity);
  grown.positions.set(columns.positions);
  columns.positions = grown.positions;
  for (const name of caseCodeColumnNames) {
    grown[name].set(columns[name]);
    columns[name] = grown[name];
  }
  for (const name of caseTimeColumnNames) {
    grown[name].set(columns[name]);
    columns[name] = grown[name];
  }
  grown.grid.set(columns.grid);
  columns.grid = grown.grid;
  columns.stageEntered = grown.stageEntered.map((column, step) => {
    column.set(columns.stageEntered[step] ?? []);
    return column;
  });
}
