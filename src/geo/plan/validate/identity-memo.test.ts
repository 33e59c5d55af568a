import { describe, expect, it } from 'vitest';
import { moveVertex } from '../actions/move-vertex.action';
import { voronoiPlan } from '../fixtures/voronoi.fixtures';
import { ringsOf } from '../geometry/clip';
import { touchesVertex } from '../geometry/vertices';
import { applyChangeset, type GridFeature } from '../plan';
import { memoByIdentity } from './identity-memo';
import { validatePlan } from './validate-plan';

const options = {
  householdsPerGrid: [300, 500] as const,
  minimumAreaSquareMetres: 2000,
  minimumWidthMetres: 20,
};

describe('memoByIdentity', () => {
  it('computes once per pair of objects, again for a new object with the same content', () => {
    const calls: string[] = [];
    const joined = memoByIdentity((a: { id: string }, b: { id: string }) => {
      calls.push(`${a.id}${b.id}`);
      return `${a.id}+${b.id}`;
    });
    const [a, b] = [{ id: 'a' }, { id: 'b' }];
    expect(joined(a, b)).toBe('a+b');
    expect(joined(a, b)).toBe('a+b');
    expect(joined(b, a)).toBe('b+a');
    expect(joined({ ...a }, b)).toBe('a+b');
    expect(calls).toEqual(['ab', 'ba', 'ab']);
  });

  it('leaves validation unchanged: after edits, remembered results give what a cold validation gives', () => {
    let plan = voronoiPlan(40);
    validatePlan(plan, options);
    const interior = plan.grids
      .flatMap((grid: GridFeature) => ringsOf(grid.geometry))
      .flat()
      .filter((position) => !touchesVertex(plan.community.geometry, position));
    // Three edits, the last far enough to push a vertex across a neighbour's edge (an overlap to report).
    for (const [index, step] of [
      [0, 0.00002],
      [7, 0.00004],
      [13, 0.002],
    ] as const) {
      const [lng = 0, lat = 0] = interior[index] ?? [];
      plan = applyChangeset(plan, moveVertex(plan, { from: [lng, lat], to: [lng + step, lat + step / 2] }));
      expect(validatePlan(plan, options)).toEqual(validatePlan(structuredClone(plan), options));
    }
  });
});
