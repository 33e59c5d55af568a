import { describe, expect, it } from 'vitest';
import { gridId } from '../../../domain/ids';
import { box } from '../fixtures/build-fixture';
import { multiPartPlan, sharedEdgesPlan } from '../fixtures/plan.fixtures';
import { disabledReasons } from './operation';
import { planOperations } from './operations';

const g = (serial: number) => gridId(`C1-G${serial}`);
const plan = sharedEdgesPlan;
const { carveGrid, deleteGrid, mergeGrids, moveSharedEdge, moveVertex, splitGrid, updateGridProperties } =
  planOperations;

describe('planner operations say whether they can run and, if not, why', () => {
  it('split: needs one grid and a line that crosses it', () => {
    expect(splitGrid.available(plan, { gridIds: [] })).toBe(false);
    expect(splitGrid.disabled(plan, { gridIds: [g(1), g(2)] })).toBe(disabledReasons.needsOneGrid);
    expect(splitGrid.disabled(plan, { gridIds: [gridId('nope')] })).toBe(disabledReasons.unknownGrid);
    const selection = { gridIds: [g(1)] };
    expect(
      splitGrid.disabled(plan, selection, {
        line: [
          [112.849, 35.492],
          [112.853, 35.492],
        ],
      }),
    ).toBe(disabledReasons.lineDoesNotCross);
    expect(splitGrid.disabled(plan, selection, { line: [[112.849, 35.492]] })).toBe(
      disabledReasons.lineTooShort,
    );
    const kinked = [
      [112.849, 35.491],
      [112.856, 35.493],
      [112.856, 35.491],
      [112.849, 35.493],
    ];
    expect(splitGrid.disabled(plan, selection, { line: kinked })).toBe(disabledReasons.lineSelfIntersects);
    const line = [
      [112.849, 35.492],
      [112.856, 35.492],
    ];
    expect(splitGrid.disabled(plan, selection, { line })).toBe(false);
    expect(splitGrid.perform(plan, selection, { line }).put).toHaveLength(2);
  });

  it('merge: needs two or more grids forming one block', () => {
    expect(mergeGrids.disabled(plan, { gridIds: [g(1)] })).toBe(disabledReasons.needsTwoGrids);
    expect(mergeGrids.disabled(plan, { gridIds: [g(1), g(4)] })).toBe(disabledReasons.notAdjacent);
    expect(mergeGrids.disabled(plan, { gridIds: [g(1), g(4), g(3)] })).toBe(false);
    expect(mergeGrids.disabled(multiPartPlan, { gridIds: [gridId('C2-G1'), gridId('C2-G3')] })).toBe(
      disabledReasons.notAdjacent,
    );
  });

  it('delete: needs an adjacent neighbour to take the area', () => {
    expect(deleteGrid.disabled(plan, { gridIds: [g(4)] })).toBe(false);
    expect(deleteGrid.disabled(plan, { gridIds: [g(4)] }, { intoNeighbourId: g(1) })).toBe(
      disabledReasons.notAdjacent,
    );
    expect(deleteGrid.disabled(plan, { gridIds: [g(4)] }, { intoNeighbourId: g(3) })).toBe(false);
    const lonely = { ...plan, grids: plan.grids.filter((grid) => grid.properties.id === g(1)) };
    expect(deleteGrid.disabled(lonely, { gridIds: [g(1)] })).toBe(disabledReasons.noAdjacentNeighbour);
  });

  it('carve: the drawn polygon must reach into the community and not cross itself', () => {
    const outside = { type: 'Polygon' as const, coordinates: [box(112.87, 35.49, 112.872, 35.492)] };
    expect(carveGrid.disabled(plan, { gridIds: [] }, { polygon: outside })).toBe(
      disabledReasons.outsideCommunity,
    );
    const bowtie = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [112.851, 35.491],
          [112.853, 35.493],
          [112.853, 35.491],
          [112.851, 35.493],
          [112.851, 35.491],
        ],
      ],
    };
    expect(carveGrid.disabled(plan, { gridIds: [] }, { polygon: bowtie })).toBe(
      disabledReasons.polygonSelfIntersects,
    );
    expect(
      carveGrid.disabled(
        plan,
        { gridIds: [] },
        { polygon: { type: 'Polygon', coordinates: [box(112.851, 35.491, 112.852, 35.492)] } },
      ),
    ).toBe(false);
  });

  it('move vertex: needs a vertex (or a point on an outline) under the pointer', () => {
    expect(moveVertex.available(plan, { gridIds: [] })).toBe(false);
    expect(moveVertex.disabled(plan, { gridIds: [], vertex: [112.8512, 35.4912] })).toBe(
      disabledReasons.noVertexThere,
    );
    expect(moveVertex.disabled(plan, { gridIds: [], vertex: [112.855, 35.494] })).toBe(false);
    expect(moveVertex.disabled(plan, { gridIds: [], vertex: [112.8525, 35.494] })).toBe(false);
  });

  it('move shared edge: needs two adjacent grids with an edge not pinned to the community outline', () => {
    expect(moveSharedEdge.disabled(plan, { gridIds: [g(1), g(4)] })).toBe(disabledReasons.notAdjacent);
    expect(moveSharedEdge.disabled(plan, { gridIds: [g(1), g(2)] })).toBe(false);
    expect(moveSharedEdge.disabled(multiPartPlan, { gridIds: [gridId('C2-G2'), gridId('C2-G3')] })).toBe(
      disabledReasons.edgeFixedByCommunity,
    );
  });

  it('update: refuses an empty name and a change that changes nothing', () => {
    const selection = { gridIds: [g(1)] };
    expect(updateGridProperties.disabled(plan, selection, { changes: { name: '  ' } })).toBe(
      disabledReasons.emptyName,
    );
    expect(updateGridProperties.disabled(plan, selection, { changes: { name: '示范社区第1网格' } })).toBe(
      disabledReasons.nothingChanged,
    );
    expect(updateGridProperties.disabled(plan, selection, { changes: { workerName: '赵六' } })).toBe(false);
  });
});
