/**
 * Tolerances of the planner's geometry. Grids are in WGS84 degrees; areas are geodesic m² (turf `area`).
 */

/**
 * Boolean operations leave crumbs and slits of this size and less (m²) from floating-point noise alone; they are
 * dropped from every geometry an action builds. Real but small pieces (a corner clipped off by a cut) are above
 * it and are kept, and given to a neighbouring piece, so no action ever loses ground.
 */
export const noiseAreaSquareMetres = 1e-3;

/**
 * Overlaps, gaps and pieces smaller than this (m², a 0.7 m square) are not reported by validation and not made
 * into grids of their own: residue, not a planner's edit.
 */
export const areaToleranceSquareMetres = 0.5;

/** Two positions closer than this (degrees, ≈ 0.01 mm) are the same vertex. */
export const vertexToleranceDegrees = 1e-10;

/** A vertex closer than this (degrees, ≈ 0.1 mm) to an edge lies on it (a T-junction). */
export const edgeToleranceDegrees = 1e-9;

/** Two grids share a boundary when the common part of their outlines is longer than this (m): a corner is not enough. */
export const adjacencyMinimumMetres = 0.01;
