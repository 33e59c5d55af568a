import {
  caseCategories,
  caseChannels,
  caseStages,
  satisfactionLevels,
  settlementLevels,
} from '../../domain/case';
import { departmentIds } from '../../domain/department';
import { caseId, gridId } from '../../domain/ids';
import type { CaseFeature } from '../schemas/contract.schema';
import { encodePointsColumnar } from '../../geo/columnar/points-columnar.encode';

/** A reproducible spread of cases for the store's tests: every stage, channel, category and grid appears. */
export const sampleGridIds = ['G1', 'G2', 'G3', 'G4'];
export const sampleStart = Date.parse('2026-11-01T00:00:00+08:00');
const hour = 3_600_000;

export function sampleCase(index: number, overrides: Partial<CaseFeature['properties']> = {}): CaseFeature {
  const status = caseStages[index % caseStages.length] ?? 'reported';
  const reported = sampleStart + index * 7 * hour;
  const closed = status === 'closed';
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [112.8 + (index % 10) * 0.01, 35.5 + (index % 7) * 0.01] },
    properties: {
      id: caseId(`C${index}`),
      title: `case ${index}`,
      channel: caseChannels[index % caseChannels.length] ?? 'other',
      category: caseCategories[(index * 3) % caseCategories.length] ?? 'dispute',
      status,
      reportedAt: new Date(reported).toISOString(),
      dueAt: new Date(reported + (index % 5) * 24 * hour).toISOString(),
      closedAt: closed ? new Date(reported + (index % 9) * 24 * hour).toISOString() : null,
      resolved: closed ? index % 4 !== 0 : null,
      satisfaction: closed ? (satisfactionLevels[index % 3] ?? null) : null,
      gridId: index % 11 === 0 ? null : gridId(sampleGridIds[index % sampleGridIds.length] ?? 'G1'),
      department: index % 3 === 0 ? (departmentIds[index % departmentIds.length] ?? null) : null,
      assignee: status === 'reported' || status === 'filed' ? null : `W${index % 7}`,
      resolvedAtLevel: closed ? (settlementLevels[index % 3] ?? null) : null,
      escalations: [],
      supervision: null,
      ...overrides,
    },
  };
}

export const sampleCases = (count: number): CaseFeature[] =>
  Array.from({ length: count }, (_, index) => sampleCase(index));

/** Cases in the columnar format as a REST server sends them (no titles): the required columns and the grid. */
export function sampleCasesColumnar(features: readonly CaseFeature[]): ArrayBuffer {
  const column = <T>(read: (properties: CaseFeature['properties']) => T) =>
    features.map(({ properties }) => read(properties));
  return encodePointsColumnar({
    crs: 'wgs84',
    positionType: 'float64',
    positions: features.flatMap((feature) => feature.geometry.coordinates),
    ids: column((properties) => properties.id),
    columns: [
      { name: 'status', kind: 'category', values: column((properties) => properties.status) },
      { name: 'channel', kind: 'category', values: column((properties) => properties.channel) },
      { name: 'category', kind: 'category', values: column((properties) => properties.category) },
      {
        name: 'reportedAt',
        kind: 'timestamp',
        values: column((properties) => Date.parse(properties.reportedAt)),
      },
      { name: 'dueAt', kind: 'timestamp', values: column((properties) => Date.parse(properties.dueAt)) },
      { name: 'gridId', kind: 'category', values: column((properties) => properties.gridId) },
    ],
  });
}
