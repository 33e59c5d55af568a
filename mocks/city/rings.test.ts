import { describe, expect, it } from 'vitest';
import { signedArea } from './planar';
import { unionRings } from './rings';
import { createVertexTable } from './vertex-table';

/** Unit squares on a 4 × 4 lattice, counter-clockwise, as vertex-id rings sharing one table. */
function lattice() {
  const vertices = createVertexTable();
  const square = (x: number, y: number) => [
    vertices.add(x, y),
    vertices.add(x + 1, y),
    vertices.add(x + 1, y + 1),
    vertices.add(x, y + 1),
  ];
  const area = (ring: readonly number[]) =>
    signedArea(
      ring.map((id) => vertices.xs[id] ?? 0),
      ring.map((id) => vertices.ys[id] ?? 0),
    );
  return { vertices, square, area };
}

describe('union by edge cancellation', () => {
  it('merges neighbours into one ring with their summed area', () => {
    const { vertices, square, area } = lattice();
    const union = unionRings([square(0, 0), square(1, 0), square(1, 1)], vertices);
    expect(union).toHaveLength(1);
    expect(union[0]?.rings).toHaveLength(1);
    expect(area(union[0]?.rings[0] ?? [])).toBeCloseTo(3);
  });

  it('keeps a hole where the middle cell is missing', () => {
    const { vertices, square, area } = lattice();
    const ring = [0, 1, 2]
      .flatMap((x) => [0, 1, 2].map((y) => [x, y] as const))
      .filter(([x, y]) => x !== 1 || y !== 1);
    const union = unionRings(
      ring.map(([x, y]) => square(x, y)),
      vertices,
    );
    expect(union).toHaveLength(1);
    const [outer, hole] = union[0]?.rings ?? [];
    expect(area(outer ?? [])).toBeCloseTo(9);
    expect(area(hole ?? [])).toBeCloseTo(-1);
  });

  it('splits cells that touch only at a corner into separate simple rings', () => {
    const { vertices, square, area } = lattice();
    const union = unionRings([square(0, 0), square(1, 1)], vertices);
    expect(union).toHaveLength(2);
    for (const polygon of union) {
      expect(polygon.rings).toHaveLength(1);
      expect(polygon.rings[0]).toHaveLength(4);
      expect(area(polygon.rings[0] ?? [])).toBeCloseTo(1);
    }
  });

  it('snaps vertices closer than the tolerance to one id', () => {
    const vertices = createVertexTable();
    expect(vertices.add(112.5, 35.5)).toBe(vertices.add(112.5 + 1e-12, 35.5 - 1e-12));
    expect(vertices.add(112.5, 35.5)).not.toBe(vertices.add(112.5 + 1e-7, 35.5));
  });
});
