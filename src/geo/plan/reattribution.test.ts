import { describe, expect, it } from 'vitest';
import { gridId } from '../../domain/ids';
import { splitGrid } from './actions/split-grid.action';
import { sharedEdgesPlan } from './fixtures/plan.fixtures';
import { applyChangeset } from './plan';
import { reattribute } from './reattribution';

const g = (serial: number) => gridId(`C1-G${serial}`);
const now = new Date('2025-06-30T12:00:00+08:00');
const daysAgo = (days: number) => now.getTime() - days * 86_400_000;

describe('reattribute', () => {
  const after = applyChangeset(
    sharedEdgesPlan,
    splitGrid(sharedEdgesPlan, {
      gridId: g(2),
      line: [
        [112.8575, 35.489],
        [112.8575, 35.495],
      ],
    }),
  );
  const points = {
    // in G2's west half, in its east half (twice, once too old), in G1
    cases: {
      positions: Float64Array.from([112.856, 35.492, 112.859, 35.492, 112.859, 35.491, 112.852, 35.492]),
      reportedAt: [daysAgo(10), daysAgo(100), daysAgo(400), daysAgo(1)],
    },
    cameras: [[112.859, 35.493]] as const,
    stations: [
      [112.856, 35.4935],
      [112.8555, 35.496],
    ] as const,
  };
  const { rows, diffs } = reattribute(sharedEdgesPlan.grids, after.grids, points, now);
  const row = (serial: number) => rows.find((candidate) => candidate.gridId === g(serial));

  it('shares the split grid’s households by area and keeps the community total', () => {
    expect(row(2)?.after?.households).toBe(190);
    expect(row(5)?.after?.households).toBe(190);
    const total = (side: 'before' | 'after') => rows.reduce((sum, r) => sum + (r[side]?.households ?? 0), 0);
    expect(total('after')).toBe(total('before'));
  });

  it('counts cases of the last 12 months, cameras and stations in each draft grid', () => {
    expect(row(2)?.before).toMatchObject({ casesLast12Months: 2, cameras: 1, stations: 1 });
    expect(row(2)?.after).toMatchObject({ casesLast12Months: 1, cameras: 0, stations: 1 });
    expect(row(5)?.after).toMatchObject({ casesLast12Months: 1, cameras: 1, stations: 0 });
    // the second station stands in G3's hole, which is G4
    expect(row(3)?.after?.stations).toBe(0);
    expect(row(4)?.after?.stations).toBe(1);
  });

  it('marks rows added, changed and unchanged, and maps the ground that changed hands', () => {
    expect(row(5)?.status).toBe('added');
    expect(row(2)?.status).toBe('changed');
    expect(row(1)?.status).toBe('unchanged');
    const diff = diffs.find((candidate) => candidate.gridId === g(2));
    expect(diff?.gained).toBeNull();
    expect(diff?.lostSquareMetres).toBeCloseTo(row(5)?.after?.areaSquareMetres ?? 0, 3);
    expect(diffs.map((candidate) => candidate.gridId).sort()).toEqual([g(2), g(5)]);
  });

  it('reports a removed grid with the ground it lost', () => {
    const merged = reattribute(
      sharedEdgesPlan.grids,
      sharedEdgesPlan.grids.filter((grid) => grid.properties.id !== g(4)),
      points,
      now,
    );
    expect(merged.rows.find((candidate) => candidate.gridId === g(4))?.status).toBe('removed');
    expect(merged.diffs.find((candidate) => candidate.gridId === g(4))?.lostSquareMetres).toBeGreaterThan(
      40_000,
    );
  });
});
