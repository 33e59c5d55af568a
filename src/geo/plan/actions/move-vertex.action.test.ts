import { describe, expect, it } from 'vitest';
import { gridId } from '../../../domain/ids';
import { multiPartPlan, sharedEdgesPlan } from '../fixtures/plan.fixtures';
import { tilingMeasure } from '../fixtures/tiling';
import { hasVertex } from '../geometry/vertices';
import { applyChangeset, gridOf } from '../plan';
import { validatePlan } from '../validate/validate-plan';
import { moveSharedEdge } from './move-shared-edge.action';
import { moveVertex } from './move-vertex.action';
import { splitGrid } from './split-grid.action';

const g = (serial: number) => gridId(`C1-G${serial}`);
const options = {
  householdsPerGrid: [0, 10_000] as const,
  minimumAreaSquareMetres: 0,
  minimumWidthMetres: 0,
};
const errorsOf = (plan: Parameters<typeof validatePlan>[0]) =>
  validatePlan(plan, options).filter((issue) => issue.severity === 'error');

describe('moveVertex', () => {
  it('moves a vertex shared by three grids in all of them, so no gap or overlap opens', () => {
    const changeset = moveVertex(sharedEdgesPlan, { from: [112.855, 35.494], to: [112.8553, 35.4943] });
    expect(changeset.put.map((grid) => grid.properties.id)).toEqual([g(1), g(2), g(3)]);
    const after = applyChangeset(sharedEdgesPlan, changeset);
    expect(tilingMeasure(after).relativeAreaError).toBeLessThan(1e-9);
    expect(tilingMeasure(after).largestOverlapSquareMetres).toBeLessThan(0.5);
    expect(errorsOf(after)).toEqual([]);
  });

  it('inserts the vertex into a neighbour whose edge merely passes through it (a T-junction)', () => {
    const split = applyChangeset(
      sharedEdgesPlan,
      splitGrid(sharedEdgesPlan, {
        gridId: g(2),
        line: [
          [112.8575, 35.489],
          [112.8575, 35.495],
        ],
      }),
    );
    const junction = [112.8575, 35.494];
    expect(hasVertex(gridOf(split, g(3))?.geometry ?? sharedEdgesPlan.community.geometry, junction)).toBe(
      false,
    );
    const moved = applyChangeset(split, moveVertex(split, { from: junction, to: [112.8577, 35.4946] }));
    expect(hasVertex(gridOf(moved, g(3))?.geometry ?? moved.community.geometry, [112.8577, 35.4946])).toBe(
      true,
    );
    expect(tilingMeasure(moved).relativeAreaError).toBeLessThan(1e-9);
    expect(errorsOf(moved)).toEqual([]);
  });

  it('moves a vertex of a multi-part grid where it is shared with a neighbour', () => {
    const changeset = moveVertex(multiPartPlan, { from: [112.855, 35.495], to: [112.8555, 35.495] });
    expect(changeset.put).toHaveLength(2);
    expect(tilingMeasure(applyChangeset(multiPartPlan, changeset)).relativeAreaError).toBeLessThan(1e-9);
  });

  it('lets validation report the gap when a community-boundary vertex is dragged inwards', () => {
    const after = applyChangeset(
      sharedEdgesPlan,
      moveVertex(sharedEdgesPlan, { from: [112.85, 35.49], to: [112.851, 35.491] }),
    );
    expect(tilingMeasure(after).relativeAreaError).toBeGreaterThan(1e-6);
    expect(errorsOf(after).map((issue) => issue.code)).toContain('gap');
  });

  it('changes nothing when no grid has a vertex there', () => {
    expect(moveVertex(sharedEdgesPlan, { from: [112.8512, 35.4912], to: [112.852, 35.492] }).put).toEqual([]);
  });
});

describe('moveSharedEdge', () => {
  it('translates the edge G1 and G2 share; its end on the community outline stays, the end at G3 moves in G3 too', () => {
    const changeset = moveSharedEdge(sharedEdgesPlan, { gridIds: [g(1), g(2)], offset: [0.0004, 0] });
    expect(changeset.put.map((grid) => grid.properties.id)).toEqual([g(1), g(2), g(3)]);
    const after = applyChangeset(sharedEdgesPlan, changeset);
    expect(hasVertex(gridOf(after, g(1))?.geometry ?? after.community.geometry, [112.855, 35.49])).toBe(true);
    expect(hasVertex(gridOf(after, g(3))?.geometry ?? after.community.geometry, [112.8554, 35.494])).toBe(
      true,
    );
    expect(tilingMeasure(after).relativeAreaError).toBeLessThan(1e-9);
    expect(errorsOf(after)).toEqual([]);
  });
});
