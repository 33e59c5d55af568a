import { describe, expect, it } from 'vitest';
import {
  caseCategories,
  caseChannels,
  caseStages,
  satisfactionLevels,
  settlementLevels,
  supervisionStates,
} from '../../domain/case';
import { departmentIds } from '../../domain/department';
import {
  allocateCaseViewArrays,
  caseCodeColumnNames,
  caseCodeColumns,
  caseTimeColumnNames,
  caseTimeColumns,
  caseValueArrayList,
  noCode,
  reserveCaseRows,
} from './case-column-table';
import { decodeCaseColumns } from './case-columns.decode';
import { casesColumnar } from './case-columns.encode';

const hour = 3_600_000;
const start = Date.parse('2026-11-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** Cases whose every column differs from case to case, so a column read from the wrong place shows. */
const cases = Array.from({ length: 9 }, (_, index) => {
  const closed = index % 3 === 0;
  const reported = start + index * hour;
  return {
    type: 'Feature' as const,
    geometry: {
      type: 'Point' as const,
      coordinates: [112 + index / 100, 35 + index / 50] as [number, number],
    },
    properties: {
      id: `C${index}`,
      title: `case ${index}`,
      channel: caseChannels[index % 3] ?? 'app',
      category: caseCategories[index % 4] ?? 'dispute',
      status: caseStages[index % caseStages.length] ?? 'reported',
      reportedAt: iso(reported),
      dueAt: iso(reported + (index + 2) * hour),
      closedAt: closed ? iso(reported + (index + 5) * hour) : null,
      resolved: closed ? index % 2 === 0 : null,
      satisfaction: closed ? (satisfactionLevels[index % 2] ?? null) : null,
      gridId: index === 4 ? null : `G${index % 2}`,
      stageTimes: { reported: iso(reported), filed: iso(reported + 7 * 60_000 * (index + 1)) },
      department: index % 4 === 1 ? null : (departmentIds[index] ?? null),
      assignee: `W${index}`,
      resolvedAtLevel: closed ? (settlementLevels[index % 5] ?? null) : null,
      escalations:
        index % 2 === 0
          ? []
          : [
              {
                at: iso(reported + (index + 1) * 60_000),
                fromLevel: 'grid' as const,
                toLevel: 'community' as const,
                reason: 'beyond_authority' as const,
              },
            ],
      supervision:
        index % 3 === 2
          ? {
              by: 'district' as const,
              at: iso(reported + (index + 3) * hour),
              deadline: iso(reported + (index + 30) * hour),
              state: supervisionStates[index % 3] ?? 'active',
            }
          : null,
    },
  };
});

describe('the case column table', () => {
  it('carries every code and time column of the table through the encoder and the decoder', () => {
    const wire = decodeCaseColumns(casesColumnar(cases));
    expect(wire.count).toBe(cases.length);
    for (const name of caseCodeColumnNames) {
      const { read, labels } = caseCodeColumns[name];
      const expected = cases.map(({ properties }) => {
        const value = read(properties);
        return value === null || value === undefined ? noCode : (labels as readonly string[]).indexOf(value);
      });
      expect([...wire[name]], name).toEqual(expected);
    }
    for (const name of caseTimeColumnNames) {
      const { read } = caseTimeColumns[name];
      const expected = cases.map(({ properties }) => {
        const value = read(properties);
        return value === null || value === undefined ? Number.NaN : Date.parse(value);
      });
      expect([...wire[name]], name).toEqual(expected);
    }
    caseStages.forEach((step, index) => {
      const expected = cases.map(({ properties }) => {
        const value = (properties.stageTimes as Partial<Record<string, string>>)[step];
        return value === undefined ? Number.NaN : Date.parse(value);
      });
      expect([...(wire.stageEntered[index] ?? [])], step).toEqual(expected);
    });
    expect(wire.gridDictionary.slice().sort()).toEqual(['G0', 'G1']);
    // The nested and derived columns really vary (a column read from the wrong place would be all none).
    expect(new Set(wire.department).size).toBeGreaterThan(2);
    expect(new Set(wire.supervisionState).size).toBe(2);
    expect(wire.escalatedAt.filter((value) => !Number.isNaN(value)).length).toBe(4);
  });

  it('lists every value array once for a transfer, and grows every column keeping its rows', () => {
    const wire = decodeCaseColumns(casesColumnar(cases));
    const arrays = caseValueArrayList(wire);
    expect(arrays.length).toBe(caseCodeColumnNames.length + caseTimeColumnNames.length + caseStages.length);
    expect(new Set(arrays.map((array) => array.buffer)).size).toBe(arrays.length);

    const columns = allocateCaseViewArrays(2);
    columns.stage[1] = 3;
    columns.closedAt[1] = 42;
    columns.grid[1] = 7;
    columns.positions[3] = 35.5;
    columns.stageEntered.forEach((column, step) => (column[1] = step * 10));
    reserveCaseRows(columns, 5);
    expect(columns.stage.length).toBe(8);
    expect(columns.positions.length).toBe(16);
    expect([columns.stage[1], columns.closedAt[1], columns.grid[1], columns.positions[3]]).toEqual([
      3, 42, 7, 35.5,
    ]);
    expect(columns.stageEntered.map((column) => column[1])).toEqual(caseStages.map((_, step) => step * 10));
    expect(columns.stageEntered.every((column) => column.length === 8)).toBe(true);
  });
});
