import { describe, expect, it } from 'vitest';
import { CaseColumns } from './case-columns';
import { sampleCase, sampleCases, sampleGridIds } from '../contract/columnar/case.fixtures';

describe('CaseColumns', () => {
  it('holds every case once, with its codes, times and grid row', () => {
    const features = sampleCases(3000);
    const columns = CaseColumns.from(features, sampleGridIds);
    expect(columns.count).toBe(3000);
    for (const index of [0, 11, 1234, 2999]) {
      const feature = features[index]!;
      const row = columns.rowOf(feature.properties.id)!;
      expect(columns.stageAt(row)).toBe(feature.properties.status);
      expect(columns.reportedAt[row]).toBe(Date.parse(feature.properties.reportedAt));
      expect(columns.positions[row * 2]).toBeCloseTo(feature.geometry.coordinates[0], 5);
      const gridId = feature.properties.gridId;
      expect(columns.grid[row]).toBe(gridId === null ? -1 : sampleGridIds.indexOf(gridId));
      expect(Number.isNaN(columns.closedAt[row])).toBe(feature.properties.closedAt === null);
    }
  });

  it('replaces a case by id, and ignores a change that would move it back in the loop', () => {
    const columns = CaseColumns.from([sampleCase(2)], sampleGridIds);
    const before = columns.stageAt(0);
    expect(columns.upsert(sampleCase(2, { status: 'feedback' }))).toEqual({ row: 0, added: false });
    expect(columns.stageAt(0)).toBe('feedback');
    expect(columns.upsert(sampleCase(2, { status: before }))).toBeNull();
    expect(columns.stageAt(0)).toBe('feedback');
    expect(columns.count).toBe(1);
  });

  it('appends new cases past its first capacity without losing earlier rows', () => {
    const columns = new CaseColumns(sampleGridIds);
    const features = sampleCases(5000);
    for (const feature of features) expect(columns.upsert(feature)?.added).toBe(true);
    expect(columns.count).toBe(5000);
    expect(columns.features[0]).toBe(features[0]);
    expect(columns.reportedAt[0]).toBe(Date.parse(features[0]!.properties.reportedAt));
  });

  it('converts positions into the base map system once, on the way in', () => {
    const columns = CaseColumns.from([sampleCase(1)], sampleGridIds, ([x, y]) => [x + 1, y - 1]);
    expect(columns.positions[0]).toBeCloseTo(112.81 + 1, 4);
    expect(columns.positions[1]).toBeCloseTo(35.51 - 1, 4);
  });
});
