import { describe, expect, it } from 'vitest';
import { isOverdue, type CaseCategory, type CaseChannel, type CaseStage } from '../domain/case';
import { matchesCaseFilter } from '../domain/case-filter';
import type { DepartmentId } from '../domain/department';
import { isInGrids } from '../domain/outside-grids';
import { CaseColumns } from './case-columns';
import { sampleCases, sampleGridIds, sampleStart } from '../contract/columnar/case.fixtures';
import { gridMask, packPoints, selectCases, weightedRows, type CaseSelection } from './case-selection';

const features = sampleCases(2000);
const columns = CaseColumns.from(features, sampleGridIds);
const day = 86_400_000;
const now = sampleStart + 400 * day;
const everything: CaseSelection = {
  from: sampleStart,
  to: sampleStart + 1000 * day,
  stages: new Set(),
  categories: new Set(),
  channels: new Set(),
  overdueOnly: false,
  departments: new Set(),
  gridsInRegion: null,
  now,
};

const cityGrids = new Set(sampleGridIds);

/**
 * The same question asked object by object, through the domain's filter (what the mock API applies) and its rule
 * for cases outside the grids: `bucket` 'outside' asks for those instead.
 */
function expected(
  selection: CaseSelection,
  inside: ReadonlySet<string> | null,
  bucket: 'inGrids' | 'outside' | 'either' = 'inGrids',
): string[] {
  return features
    .filter((feature) => {
      const p = feature.properties;
      const position = feature.geometry.coordinates;
      const domainFilter = {
        from: selection.from,
        to: selection.to,
        ...(selection.stages.size > 0 && { statuses: selection.stages }),
        ...(selection.categories.size > 0 && { categories: selection.categories }),
      };
      if (!matchesCaseFilter(p, position, domainFilter)) return false;
      if (selection.channels.size > 0 && !selection.channels.has(p.channel)) return false;
      if (
        selection.departments.size > 0 &&
        (p.department === null || !selection.departments.has(p.department))
      )
        return false;
      if (bucket !== 'either' && isInGrids(p.gridId, cityGrids) !== (bucket === 'inGrids')) return false;
      if (inside && (p.gridId === null || !inside.has(p.gridId))) return false;
      return !selection.overdueOnly || isOverdue(p, new Date(selection.now));
    })
    .map((feature) => feature.properties.id);
}

const idsOf = (rows: Uint32Array) => Array.from(rows, (row) => columns.features[row]!.properties.id);

describe('selectCases', () => {
  it('keeps exactly what the domain filter keeps, for each kind of filter and their combination', () => {
    const cases: [Partial<CaseSelection>, ReadonlySet<string> | null][] = [
      [{}, null],
      [{ from: sampleStart + 100 * day, to: sampleStart + 200 * day }, null],
      [{ stages: new Set<CaseStage>(['handling', 'closed']) }, null],
      [{ categories: new Set<CaseCategory>(['dispute']) }, null],
      [{ channels: new Set<CaseChannel>(['hotline_12345', 'app']) }, null],
      [{ overdueOnly: true }, null],
      [{ departments: new Set<DepartmentId>(['urban_management', 'ecology']) }, null],
      [{ departments: new Set<DepartmentId>(['urban_management']), overdueOnly: true }, null],
      [{}, new Set(['G2', 'G3'])],
      [
        {
          from: sampleStart + 50 * day,
          stages: new Set<CaseStage>(['assigned', 'handling']),
          channels: new Set<CaseChannel>(['patrol', 'app', 'walk_in']),
          overdueOnly: true,
        },
        new Set(['G1', 'G2']),
      ],
    ];
    for (const [patch, inside] of cases) {
      const selection = { ...everything, ...patch, gridsInRegion: gridMask(sampleGridIds, inside) };
      const want = expected(selection, inside);
      expect(want.length).toBeGreaterThan(0);
      expect(idsOf(selectCases(columns, selection).rows)).toEqual(want);
    }
  });

  it('keeps the city’s cases outside every grid apart, under the same filters, and none for a focused unit', () => {
    const overdue = { ...everything, overdueOnly: true };
    for (const selection of [everything, overdue]) {
      const { rows, outsideGrids } = selectCases(columns, selection);
      const want = expected(selection, null, 'outside');
      expect(want.length).toBeGreaterThan(10);
      expect(idsOf(outsideGrids)).toEqual(want);
      // Together they are every case the filters keep: nothing dropped, nothing counted twice.
      expect([...idsOf(rows), ...idsOf(outsideGrids)].sort()).toEqual(
        expected(selection, null, 'either').sort(),
      );
    }
    const focused = { ...everything, gridsInRegion: gridMask(sampleGridIds, new Set(['G1'])) };
    expect(selectCases(columns, focused).outsideGrids.length).toBe(0);
  });

  it('weights only overdue or dissatisfied cases when asked', () => {
    const { rows } = selectCases(columns, everything);
    const overdue = weightedRows(columns, rows, 'overdue', now);
    expect(idsOf(overdue)).toEqual(expected({ ...everything, overdueOnly: true }, null));
    const unhappy = weightedRows(columns, rows, 'dissatisfied', now);
    expect(unhappy.length).toBeGreaterThan(0);
    for (const row of unhappy) expect(columns.features[row]!.properties.satisfaction).toBe('dissatisfied');
    expect(weightedRows(columns, rows, 'all', now)).toBe(rows);
  });

  it('packs the chosen rows into contiguous attribute arrays', () => {
    const { rows } = selectCases(columns, {
      ...everything,
      categories: new Set<CaseCategory>(['property']),
    });
    const points = packPoints(columns, rows);
    expect(points.count).toBe(rows.length);
    expect(points.positions.length).toBe(rows.length * 2);
    const last = rows[rows.length - 1]!;
    expect(points.positions[rows.length * 2 - 1]).toBe(columns.positions[last * 2 + 1]);
    expect(points.stage[rows.length - 1]).toBe(columns.stage[last]);
  });
});
