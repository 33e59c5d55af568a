import type { Position } from 'geojson';

/** Terra-draw keeps 9 decimals (about 0.1 mm); the plan keeps what the server and the clipper produced. */
export const drawPrecision = 9;

export const roundPosition = (position: Position): Position => {
  const factor = 10 ** drawPrecision;
  return [Math.round((position[0] ?? 0) * factor) / factor, Math.round((position[1] ?? 0) * factor) / factor];
};

const moved = (a: Position | undefined, b: Position | undefined): boolean =>
  a !== undefined &&
  b !== undefined &&
  (Math.abs((a[0] ?? 0) - (b[0] ?? 0)) > 10 ** -drawPrecision ||
    Math.abs((a[1] ?? 0) - (b[1] ?? 0)) > 10 ** -drawPrecision);

/**
 * Which vertex a drag in terra-draw moved: the first position of the edited rings that differs from the plan's
 * own rings. `from` is the plan's exact vertex (not terra-draw's rounded copy), so the move finds every grid
 * sharing it; null when nothing moved or the rings no longer line up.
 */
export function findMovedVertex(
  planRings: readonly (readonly Position[])[],
  editedRings: readonly (readonly Position[])[],
): { from: Position; to: Position } | null {
  for (const [ringIndex, planRing] of planRings.entries()) {
    const editedRing = editedRings[ringIndex];
    if (!editedRing || editedRing.length !== planRing.length) return null;
    for (const [index, vertex] of planRing.entries()) {
      const edited = editedRing[index];
      if (edited && moved(roundPosition(vertex), edited))
        return { from: vertex, to: [edited[0] ?? 0, edited[1] ?? 0] };
    }
  }
  return null;
}
