import { insideRing, signedArea } from './planar';
import type { VertexTable } from './vertex-table';

/**
 * Union of cells that share vertices exactly (see vertex-table.ts): an edge walked one way by one cell and the other
 * way by its neighbour is interior and cancels; the edges left over are the outline of the union. This is exact,
 * fast, and the union's outline reuses the cells' own vertices, so a community's edge lies exactly on its grids'.
 */
export interface IdPolygon {
  /** Outer ring (counter-clockwise) then holes (clockwise), open, as vertex ids. */
  rings: number[][];
}

const edgeKey = (from: number, to: number) => from * 4194304 + to;

function leftoverEdges(rings: readonly (readonly number[])[]): Map<number, number[]> {
  const edges = new Map<number, [number, number]>();
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const from = ring[i] ?? 0;
      const to = ring[(i + 1) % ring.length] ?? 0;
      const reverse = edgeKey(to, from);
      if (edges.has(reverse)) edges.delete(reverse);
      else edges.set(edgeKey(from, to), [from, to]);
    }
  }
  const outgoing = new Map<number, number[]>();
  for (const [from, to] of edges.values()) {
    const list = outgoing.get(from);
    if (list) list.push(to);
    else outgoing.set(from, [to]);
  }
  return outgoing;
}

/** At a vertex where the outline touches itself, take the first edge clockwise from the way back: simple rings. */
function nextVertex(previous: number, current: number, candidates: number[], vertices: VertexTable): number {
  if (candidates.length === 1) return candidates[0] ?? current;
  const x = vertices.xs[current] ?? 0;
  const y = vertices.ys[current] ?? 0;
  const back = Math.atan2((vertices.ys[previous] ?? 0) - y, (vertices.xs[previous] ?? 0) - x);
  let best = candidates[0] ?? current;
  let bestTurn = -1;
  for (const candidate of candidates) {
    const angle = Math.atan2((vertices.ys[candidate] ?? 0) - y, (vertices.xs[candidate] ?? 0) - x);
    const turn = (((angle - back) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
    if (turn > bestTurn) {
      bestTurn = turn;
      best = candidate;
    }
  }
  return best;
}

function traceRings(outgoing: Map<number, number[]>, vertices: VertexTable): number[][] {
  const rings: number[][] = [];
  const starts = [...outgoing.keys()].sort((a, b) => a - b);
  for (const start of starts) {
    while ((outgoing.get(start)?.length ?? 0) > 0) {
      const ring = [start];
      let previous = start;
      let current = outgoing.get(start)?.pop() ?? start;
      while (current !== start) {
        ring.push(current);
        const candidates = outgoing.get(current) ?? [];
        const next = nextVertex(previous, current, candidates, vertices);
        candidates.splice(candidates.indexOf(next), 1);
        previous = current;
        current = next;
      }
      rings.push(ring);
    }
  }
  return rings;
}

const areaOf = (ring: readonly number[], vertices: VertexTable) =>
  signedArea(
    ring.map((id) => vertices.xs[id] ?? 0),
    ring.map((id) => vertices.ys[id] ?? 0),
  );

/** The union of the given rings (each cell's outer and hole rings), as polygons with their holes. */
export function unionRings(rings: readonly (readonly number[])[], vertices: VertexTable): IdPolygon[] {
  const traced = traceRings(leftoverEdges(rings), vertices);
  const outers = traced.filter((ring) => areaOf(ring, vertices) > 0);
  const holes = traced.filter((ring) => areaOf(ring, vertices) <= 0);
  const polygons = outers
    .sort((a, b) => areaOf(b, vertices) - areaOf(a, vertices))
    .map((outer) => ({ rings: [outer] }));
  for (const hole of holes) {
    const home =
      polygons.length === 1
        ? polygons[0]
        : polygons.find((polygon) => {
            const outer = polygon.rings[0] ?? [];
            const probe = hole.find((id) => !outer.includes(id));
            const coordinates = outer.map((id) => [vertices.xs[id] ?? 0, vertices.ys[id] ?? 0]);
            return (
              probe !== undefined && insideRing(vertices.xs[probe] ?? 0, vertices.ys[probe] ?? 0, coordinates)
            );
          });
    home?.rings.push(hole);
  }
  return polygons;
}
