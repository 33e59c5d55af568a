/**
 * Whether a closed ring's boundary crosses itself (a "bowtie"): two non-adjacent edges that properly cross.
 * Such an area has no meaningful inside: its fill, area and point-in-polygon tests all go wrong without a sound.
 * Edges that merely touch at a vertex are not counted, so valid rings with a pinch point are not rejected.
 * Edges are swept in order of their west end, so a ring of n edges costs about n·log n, not n².
 */
export function ringCrossesItself(ring: readonly (readonly number[])[]): boolean {
  const count = ring.length - 1;
  if (count < 4) return false;
  const xs = ring.map((position) => position[0] ?? Number.NaN);
  const ys = ring.map((position) => position[1] ?? Number.NaN);
  const x = (index: number) => xs[index] ?? Number.NaN;
  const y = (index: number) => ys[index] ?? Number.NaN;
  const west = (edge: number) => Math.min(x(edge), x(edge + 1));
  const east = (edge: number) => Math.max(x(edge), x(edge + 1));
  // Which side of edge (p → p+1) vertex r lies on: -1, 0 or 1.
  const side = (p: number, r: number) =>
    Math.sign((x(p + 1) - x(p)) * (y(r) - y(p)) - (y(p + 1) - y(p)) * (x(r) - x(p)));
  const cross = (a: number, b: number) => side(a, b) * side(a, b + 1) < 0 && side(b, a) * side(b, a + 1) < 0;

  const order = Array.from({ length: count }, (_, index) => index).sort((a, b) => west(a) - west(b));
  for (let i = 0; i < order.length; i += 1) {
    const a = order[i] ?? 0;
    const reach = east(a);
    for (let j = i + 1; j < order.length; j += 1) {
      const b = order[j] ?? 0;
      if (west(b) > reach) break;
      const gap = Math.abs(a - b);
      if (gap <= 1 || gap === count - 1) continue;
      if (cross(a, b)) return true;
    }
  }
  return false;
}
