import { caseStages, type CaseStage } from '../../domain/case';
import { encodePointsColumnar } from '../../geo/columnar/points-columnar.encode';
import {
  caseCodeColumnNames,
  caseCodeColumns,
  type CaseCodeColumn,
  type CaseTimeColumn,
  caseTimeColumnNames,
  caseTimeColumns,
  stageTimesColumn,
} from './case-column-table';
import type { z } from 'zod';
import type { casesSchema } from '../schemas/contract.schema';

/** One case as it goes on the wire (the contract's input shape, before parsing). */
type CaseWire = z.input<typeof casesSchema>['features'][number];

/**
 * The cases' values column by column, keyed by their wire names: what a server reads from its database as one
 * array per column, without a JS object per case. `positions` interleaves longitude and latitude.
 */
export interface CaseColumnValues {
  positions: readonly number[];
  ids: readonly string[];
  codes: Record<(typeof caseCodeColumns)[CaseCodeColumn]['wire'], readonly (string | null)[]>;
  /** Epoch ms, null for none. */
  times: Record<(typeof caseTimeColumns)[CaseTimeColumn]['wire'], readonly (number | null)[]>;
  /** When each step was entered (epoch ms, null: not reached). */
  stageTimes: Record<CaseStage, readonly (number | null)[]>;
  resolved: readonly (boolean | null)[];
  gridId: readonly (string | null)[];
}

/**
 * Cases in the columnar binary format (docs/api.md, "Columnar points"): what the heat, the filters and the funnel
 * read, as columns. Positions float64 (the source's coordinates, for the join). Titles are not carried (a list or
 * detail view reads one case by id). Encoded per request: the answer depends on the window and the filters, and
 * the live simulation changes cases between requests, so there is no whole answer to keep.
 */
export function encodeCaseColumns(values: CaseColumnValues): ArrayBuffer {
  return encodePointsColumnar({
    crs: 'wgs84',
    positionType: 'float64',
    positions: values.positions,
    ids: values.ids,
    columns: [
      ...caseCodeColumnNames.map((name) => {
        const { wire } = caseCodeColumns[name];
        return { name: wire, kind: 'category' as const, values: values.codes[wire] };
      }),
      ...caseTimeColumnNames.map((name) => {
        const { wire } = caseTimeColumns[name];
        return { name: wire, kind: 'timestamp' as const, values: values.times[wire] };
      }),
      // One timestamp column per step entered (stageTimes), named after the step.
      ...caseStages.map((stage) => ({
        name: stageTimesColumn(stage),
        kind: 'timestamp' as const,
        values: values.stageTimes[stage],
      })),
      // Carried for other readers of the format; the live columns do not keep them as codes.
      { name: 'resolved', kind: 'boolean', values: values.resolved },
      { name: 'gridId', kind: 'category', values: values.gridId },
    ],
  });
}

/** Cases as GeoJSON features (the mock's, a test's), in the columnar format. */
export function casesColumnar(features: readonly CaseWire[]): ArrayBuffer {
  const time = (text: string | null | undefined) => (text ? Date.parse(text) : null);
  const column = <T>(read: (properties: CaseWire['properties']) => T) =>
    features.map(({ properties }) => read(properties));
  const byName = <K extends string, T>(names: readonly K[], read: (name: K) => T) =>
    Object.fromEntries(names.map((name) => [name, read(name)])) as Record<K, T>;
  return encodeCaseColumns({
    positions: features.flatMap(({ geometry }) => geometry.coordinates),
    ids: column((properties) => properties.id),
    codes: Object.fromEntries(
      caseCodeColumnNames.map((name) => {
        const { wire, read } = caseCodeColumns[name];
        return [wire, column((properties) => read(properties) ?? null)];
      }),
    ) as unknown as CaseColumnValues['codes'],
    times: Object.fromEntries(
      caseTimeColumnNames.map((name) => {
        const { wire, read } = caseTimeColumns[name];
        return [wire, column((properties) => time(read(properties)))];
      }),
    ) as unknown as CaseColumnValues['times'],
    stageTimes: byName(caseStages, (stage) => column((properties) => time(properties.stageTimes?.[stage]))),
    resolved: column((properties) => properties.resolved ?? null),
    gridId: column((properties) => properties.gridId ?? null),
  });
}
