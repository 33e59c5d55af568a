import { caseStages } from '../../src/domain/case';
import { encodePointsColumnar } from '../../src/geo/columnar/points-columnar.encode';
import type { CaseRecord } from '../cases/case-store';

type CaseWire = CaseRecord['wire'];

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
      { name: 'status', kind: 'category', values: column((properties) => properties.status) },
      { name: 'channel', kind: 'category', values: column((properties) => properties.channel) },
      { name: 'category', kind: 'category', values: column((properties) => properties.category) },
      { name: 'reportedAt', kind: 'timestamp', values: column((properties) => time(properties.reportedAt)) },
      { name: 'dueAt', kind: 'timestamp', values: column((properties) => time(properties.dueAt)) },
      { name: 'closedAt', kind: 'timestamp', values: column((properties) => time(properties.closedAt)) },
      { name: 'resolved', kind: 'boolean', values: column((properties) => properties.resolved) },
      { name: 'satisfaction', kind: 'category', values: column((properties) => properties.satisfaction) },
      { name: 'gridId', kind: 'category', values: column((properties) => properties.gridId) },
      // One timestamp column per step entered (stageTimes), named after the step.
      ...caseStages.map((stage) => ({
        name: `stageTimes.${stage}`,
        kind: 'timestamp' as const,
        values: column((properties) => time(properties.stageTimes?.[stage])),
      })),
    ],
  });
}
