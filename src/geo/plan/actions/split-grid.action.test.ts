import { describe, expect, it } from 'vitest';
import { gridId } from '../../../domain/ids';
import { box, fixturePlan } from '../fixtures/build-fixture';
import { sharedEdgesPlan } from '../fixtures/plan.fixtures';
import { tilingMeasure } from '../fixtures/tiling';
import { areaOf } from '../geometry/clip';
import { applyChangeset, gridOf } from '../plan';
import { splitGrid } from './split-grid.action';

const g = (serial: number) => gridId(`C1-G${serial}`);

describe('splitGrid', () => {
  it('cuts a grid in two along the line, keeping the tiling, the households and the larger piece’s identity', () => {
    const original = gridOf(sharedEdgesPlan, g(2));
    const changeset = splitGrid(sharedEdgesPlan, {
      gridId: g(2),
      line: [
        [112.8575, 35.489],
        [112.8575, 35.495],
      ],
    });
    const after = applyChangeset(sharedEdgesPlan, changeset);
    expect(changeset.put.map((grid) => grid.properties.id)).toEqual([g(2), g(5)]);
    const [kept, created] = changeset.put;
    expect(kept?.properties.workerName).toBe(original?.properties.workerName);
    expect(created?.properties).toMatchObject({
      code: 'C1005',
      name: '示范社区第5网格',
      workerName: '',
      type: original?.properties.type,
    });
    expect((kept?.properties.households ?? 0) + (created?.properties.households ?? 0)).toBe(
      original?.properties.households,
    );
    expect((kept?.properties.population ?? 0) + (created?.properties.population ?? 0)).toBe(
      original?.properties.population,
    );
    const pieceArea = changeset.put.reduce((sum, grid) => sum + areaOf(grid.geometry), 0);
    expect(Math.abs(pieceArea - areaOf(original?.geometry ?? null))).toBeLessThan(1e-6 * pieceArea);
    expect(tilingMeasure(after).relativeAreaError).toBeLessThan(1e-9);
    expect(tilingMeasure(after).largestOverlapSquareMetres).toBeLessThan(0.5);
  });

  it('shares households in proportion to area', () => {
    const changeset = splitGrid(sharedEdgesPlan, {
      gridId: g(1),
      line: [
        [112.854, 35.489],
        [112.854, 35.495],
      ],
    });
    const [large, small] = changeset.put;
    // the line leaves 4/5 of the grid on one side
    expect(large?.properties.households).toBe(336);
    expect(small?.properties.households).toBe(84);
  });

  it('splits a grid with a hole when the line runs through the hole', () => {
    const changeset = splitGrid(sharedEdgesPlan, {
      gridId: g(3),
      line: [
        [112.855, 35.4999],
        [112.855, 35.4939],
      ],
    });
    expect(changeset.put).toHaveLength(2);
    expect(tilingMeasure(applyChangeset(sharedEdgesPlan, changeset)).relativeAreaError).toBeLessThan(1e-9);
  });

  it('makes one grid per piece when a zigzag line crosses the grid several times', () => {
    const line = [
      [112.851, 35.4895],
      [112.852, 35.4945],
      [112.853, 35.4895],
      [112.854, 35.4945],
    ];
    const changeset = splitGrid(sharedEdgesPlan, { gridId: g(1), line });
    expect(changeset.put).toHaveLength(4);
    expect(new Set(changeset.put.map((grid) => grid.properties.id)).size).toBe(4);
  });

  it('does not cut where the line’s straight extension re-enters a concave grid', () => {
    // A U-shaped grid: the cut goes across the west arm only; extended eastwards it would cross the east arm too.
    const u = [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ].map(([x = 0, y = 0]) => [112.85 + x * 0.001, 35.49 + y * 0.001]);
    const plan = fixturePlan('C9', { type: 'Polygon', coordinates: [box(112.85, 35.49, 112.853, 35.493)] }, [
      { serial: 1, households: 300, geometry: { type: 'Polygon', coordinates: [u] } },
    ]);
    const changeset = splitGrid(plan, {
      gridId: gridId('C9-G1'),
      line: [
        [112.8495, 35.492],
        [112.8515, 35.492],
      ],
    });
    expect(changeset.put).toHaveLength(2);
    const areas = changeset.put.map((grid) => areaOf(grid.geometry)).sort((a, b) => a - b);
    // the west arm's top (1 × 1 of 7 units) comes off; the rest, east arm included, stays whole
    expect((areas[0] ?? 0) / ((areas[0] ?? 0) + (areas[1] ?? 0))).toBeCloseTo(1 / 7, 3);
  });

  it('refuses a line that stops inside the grid', () => {
    expect(() =>
      splitGrid(sharedEdgesPlan, {
        gridId: g(1),
        line: [
          [112.849, 35.492],
          [112.853, 35.492],
        ],
      }),
    ).toThrow(/line_does_not_cross/);
  });
});
