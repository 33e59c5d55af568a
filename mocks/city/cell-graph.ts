import type { CountyCells } from './cells';
import { ringCentroid } from './planar';
import type { VertexTable } from './vertex-table';

/**
 * One cell per grid, each in one piece, with its neighbours. Clipping a Voronoi cell to a jagged outline can leave
 * a stray piece cut off by a notch; it joins the cell it shares the most edges with, so every grid is one piece.
 */
export interface GridCell {
  /** Rings of vertex ids of all the cell's pieces; their union (rings.ts) is one polygon. */
  rings: number[][];
  centre: [number, number];
  /** Area in square degrees (GCJ-02), for proportions only. */
  area: number;
}

export interface CellGraph {
  vertices: VertexTable;
  cells: GridCell[];
  /** Cells sharing at least one edge, by index. */
  neighbours: number[][];
}

const undirected = (a: number, b: number) => (a < b ? a * 4194304 + b : b * 4194304 + a);

function edgesOf(rings: readonly (readonly number[])[]): number[] {
  const keys: number[] = [];
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++)
      keys.push(undirected(ring[i] ?? 0, ring[(i + 1) % ring.length] ?? 0));
  }
  return keys;
}

export function settleCells({ vertices, cells: rawCells }: CountyCells): CellGraph {
  const nonEmpty = rawCells.filter((pieces) => pieces.length > 0);
  const cells: GridCell[] = nonEmpty.map((pieces) => {
    const outer = (pieces[0]?.rings[0] ?? []).map((id) => [vertices.xs[id] ?? 0, vertices.ys[id] ?? 0]);
    return {
      rings: [...(pieces[0]?.rings ?? [])],
      centre: ringCentroid(outer),
      area: pieces.reduce((sum, piece) => sum + piece.area, 0),
    };
  });
  const owner = new Map<number, number>();
  cells.forEach((cell, index) => {
    for (const key of edgesOf(cell.rings)) owner.set(key, index);
  });
  let strays = nonEmpty.flatMap((pieces, index) => pieces.slice(1).map((piece) => ({ piece, from: index })));
  for (let pass = 0; pass < 20 && strays.length > 0; pass++) {
    strays = strays.filter(({ piece, from }) => {
      const shared = new Map<number, number>();
      for (const key of edgesOf(piece.rings)) {
        const host = owner.get(key);
        if (host !== undefined && host !== from) shared.set(host, (shared.get(host) ?? 0) + 1);
      }
      const best = [...shared.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
      if (!best) return true;
      const host = cells[best[0]];
      if (!host) return true;
      host.rings.push(...piece.rings);
      host.area += piece.area;
      for (const key of edgesOf(piece.rings)) owner.set(key, best[0]);
      return false;
    });
  }
  if (strays.length > 0) throw new Error(`${strays.length} stray cell pieces touch no other cell`);
  const neighbourSets = cells.map(() => new Set<number>());
  const byEdge = new Map<number, number>();
  cells.forEach((cell, index) => {
    for (const key of edgesOf(cell.rings)) {
      const other = byEdge.get(key);
      if (other !== undefined && other !== index) {
        neighbourSets[index]?.add(other);
        neighbourSets[other]?.add(index);
      } else byEdge.set(key, index);
    }
  });
  return { vertices, cells, neighbours: neighbourSets.map((set) => [...set].sort((a, b) => a - b)) };
}
