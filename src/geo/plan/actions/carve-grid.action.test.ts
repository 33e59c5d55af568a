import { describe, expect, it } from 'vitest';
import { gridId } from '../../../domain/ids';
import { box } from '../fixtures/build-fixture';
import { sharedEdgesPlan } from '../fixtures/plan.fixtures';
import { tilingMeasure } from '../fixtures/tiling';
import { areaOf } from '../geometry/clip';
import { applyChangeset, gridOf } from '../plan';
import { carveGrid } from './carve-grid.action';
import { deleteGrid } from './delete-grid.action';

const g = (serial: number) => gridId(`C1-G${serial}`);

describe('carveGrid', () => {
  it('takes the new grid out of every grid it overlaps, with households from area shares, clipped to the community', () => {
    // Straddles G1 and G2 and sticks out south of the community.
    const changeset = carveGrid(sharedEdgesPlan, {
      polygon: { type: 'Polygon', coordinates: [box(112.854, 35.489, 112.856, 35.492)] },
    });
    const after = applyChangeset(sharedEdgesPlan, changeset);
    const carved = gridOf(after, g(5));
    expect(carved?.properties).toMatchObject({ name: '示范社区第5网格', workerName: '', version: 0 });
    // G1 and G2 each give a tenth of their area (a fifth of the width, half the height): 42 + 38 households
    expect(carved?.properties.households).toBe(42 + 38);
    expect(gridOf(after, g(1))?.properties.households).toBe(420 - 42);
    const expectedArea = areaOf({ type: 'Polygon', coordinates: [box(112.854, 35.49, 112.856, 35.492)] });
    expect(areaOf(carved?.geometry ?? null)).toBeCloseTo(expectedArea, 3);
    expect(tilingMeasure(after).relativeAreaError).toBeLessThan(1e-9);
    expect(tilingMeasure(after).largestOverlapSquareMetres).toBeLessThan(0.5);
  });

  it('removes a grid the new one covers entirely and gives its households to the new grid', () => {
    const changeset = carveGrid(sharedEdgesPlan, {
      polygon: { type: 'Polygon', coordinates: [box(112.853, 35.495, 112.857, 35.4975)] },
    });
    expect(changeset.remove).toEqual([g(4)]);
    const after = applyChangeset(sharedEdgesPlan, changeset);
    expect(gridOf(after, g(5))?.properties.households).toBeGreaterThanOrEqual(150);
    expect(tilingMeasure(after).relativeAreaError).toBeLessThan(1e-9);
  });

  it('never gives a new grid the id of a server grid deleted in the draft', () => {
    // G4 has the highest serial; once it is gone, the plan alone would make 4 the next serial again.
    const withoutG4 = applyChangeset(
      sharedEdgesPlan,
      deleteGrid(sharedEdgesPlan, { gridId: g(4), intoNeighbourId: g(3) }),
    );
    const changeset = carveGrid(withoutG4, {
      polygon: { type: 'Polygon', coordinates: [box(112.854, 35.489, 112.856, 35.492)] },
    });
    expect(changeset.put.map((grid) => grid.properties.id)).not.toContain(g(4));
    expect(changeset.put.map((grid) => grid.properties.id)).toContain(g(5));
  });
});
