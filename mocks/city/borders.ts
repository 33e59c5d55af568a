import Flatbush from 'flatbush';
import type { CountyLayout } from './county-layout';
import { unionRings } from './rings';
import type { VertexTable } from './vertex-table';

/**
 * Counties are laid out one by one, so where two meet, each has cut the shared border at its own cells' corners: a
 * corner of one side lies in the middle of an edge of the other (a T-junction). In GCJ-02 that is harmless, but the
 * conversion to WGS84 is not linear and bends the long edge away from the corner by centimetres, leaving slivers
 * between neighbouring grids. Inserting every such corner into the edge it lies on makes both sides walk the same
 * vertices, so the border stays exact after conversion and the counties' union is a plain edge cancellation.
 */
const onSegmentTolerance = 1e-9;

function boundaryOf(layout: CountyLayout, vertices: VertexTable) {
  const rings = unionRings(
    layout.graph.cells.flatMap((cell) => cell.rings),
    vertices,
  ).flatMap((polygon) => polygon.rings);
  const edges = new Set<string>();
  for (const ring of rings) {
    ring.forEach((from, index) => edges.add(`${from}>${ring[(index + 1) % ring.length] ?? from}`));
  }
  return { edges, vertexIds: [...new Set(rings.flat())] };
}

/** Corners of other counties lying strictly inside the segment from → to, ordered along it. */
function cornersOn(
  from: number,
  to: number,
  vertices: VertexTable,
  corners: readonly number[],
  index: Flatbush,
): number[] {
  const ax = vertices.xs[from] ?? 0;
  const ay = vertices.ys[from] ?? 0;
  const dx = (vertices.xs[to] ?? 0) - ax;
  const dy = (vertices.ys[to] ?? 0) - ay;
  const length = Math.hypot(dx, dy);
  if (length === 0) return [];
  const found: { id: number; t: number }[] = [];
  const pad = onSegmentTolerance;
  for (const hit of index.search(
    Math.min(ax, ax + dx) - pad,
    Math.min(ay, ay + dy) - pad,
    Math.max(ax, ax + dx) + pad,
    Math.max(ay, ay + dy) + pad,
  )) {
    const id = corners[hit] ?? -1;
    if (id === from || id === to || id < 0) continue;
    const px = (vertices.xs[id] ?? 0) - ax;
    const py = (vertices.ys[id] ?? 0) - ay;
    const t = (px * dx + py * dy) / (length * length);
    const offLine = Math.abs(px * dy - py * dx) / length;
    if (t > 0 && t < 1 && offLine < onSegmentTolerance) found.push({ id, t });
  }
  return found.sort((a, b) => a.t - b.t).map((corner) => corner.id);
}

export function stitchCountyBorders(layouts: readonly CountyLayout[], vertices: VertexTable): void {
  const boundaries = layouts.map((layout) => boundaryOf(layout, vertices));
  const corners = [...new Set(boundaries.flatMap((boundary) => boundary.vertexIds))];
  if (corners.length === 0) return;
  const index = new Flatbush(corners.length);
  for (const id of corners)
    index.add(vertices.xs[id] ?? 0, vertices.ys[id] ?? 0, vertices.xs[id] ?? 0, vertices.ys[id] ?? 0);
  index.finish();
  layouts.forEach((layout, county) => {
    const edges = boundaries[county]?.edges ?? new Set<string>();
    for (const cell of layout.graph.cells) {
      cell.rings = cell.rings.map((ring) =>
        ring.flatMap((from, position) => {
          const to = ring[(position + 1) % ring.length] ?? from;
          return edges.has(`${from}>${to}`)
            ? [from, ...cornersOn(from, to, vertices, corners, index)]
            : [from];
        }),
      );
    }
  });
}
