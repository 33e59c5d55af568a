import { caseStages } from '../../domain/case';
import { encodePointsColumnar } from '../../geo/columnar/points-columnar.encode';
import {
  caseCodeColumnNames,
  caseCodeColumns,
  caseTimeColumnNames,
  caseTimeColumns,
  stageTimesColumn,
} from './case-column-table';
import type { z } from 'zod';
import type { casesSchema } from '../schemas/contract.schema';

/** One case as it goes on the wire (the contract's input shape, before parsing). */
type CaseWire = z.input<typeof casesSchema>['features'][number];

/**
 * Cases in the columnar binary format (docs/api.md, "Columnar points"): what the heat, the filters and the funnel
 * read, as columns. Positions float64 (the source's coordinates, for the join). Titles are not carried (a list or
 * detail view reads one case by id). Encoded per request: the answer depends on the window and the filters, and
 * the live simulation changes cases between requests, so there is no whole answer to keep.
 */
export function casesColumnar(features: readonly CaseWire[]): ArrayBuffer {
  const time = (text: string | null | undefined) => (text ? Date.parse(text) : null);
  const column = <T>(read: (properties: CaseWire['properties']) => T) =>
    features.map(({ properties }) => read(properties));
  return encodePointsColumnar({
    crs: 'wgs84',
    positionType: 'float64',
    positions: features.flatMap(({ geometry }) => geometry.coordinates),
    ids: column((properties) => properties.id),
    columns: [
      ...caseCodeColumnNames.map((name) => {
        const { wire } = caseCodeColumns[name];
        return { name: wire, kind: 'category' as const, values: column((properties) => properties[wire]) };
      }),
      ...caseTimeColumnNames.map((name) => {
        const { wire } = caseTimeColumns[name];
        return {
          name: wire,
          kind: 'timestamp' as const,
          values: column((properties) => time(properties[wire])),
        };
      }),
      // One timestamp column per step entered (stageTimes), named after the step.
      ...caseStages.map((stage) => ({
        name: stageTimesColumn(stage),
        kind: 'timestamp' as const,
        values: column((properties) => time(properties.stageTimes?.[stage])),
      })),
      // Carried for other readers of the format; the live columns do not keep them as codes.
      { name: 'resolved', kind: 'boolean', values: column((properties) => properties.resolved) },
      { name: 'gridId', kind: 'category', values: column((properties) => properties.gridId) },
    ],
  });
}
