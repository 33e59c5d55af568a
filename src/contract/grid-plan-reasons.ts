import type { z } from 'zod';

/**
 * Why a saved grid plan is refused. Each reason is "<code>" or "<code>: <detail>", the code one of these, so the
 * planner can translate it and point at the grid named beside it.
 */
export const gridPlanReasons = {
  schema: 'schema',
  emptyPlan: 'empty_plan',
  wrongCommunity: 'wrong_community',
  duplicateId: 'duplicate_id',
  invalidGeometry: 'invalid_geometry',
  outsideCommunity: 'outside_community',
  overlaps: 'overlaps',
  /** Ground of the community no grid covers (the planner's issue code `gap`): `gap: <m²> m² at <lng>,<lat>`. */
  gap: 'gap',
} as const;

/**
 * Uncovered ground smaller than this (m²) is not a gap a save is refused for: the planner's own check, which blocks
 * saving, stops at 0.5 m², so what it lets through, the server and the mock let through.
 */
export const gapToleranceSquareMetres = 1;

/** The `gap` reason: the uncovered area and a point inside it, so the planner can find it. */
export const gapReason = (squareMetres: number, [longitude, latitude]: readonly [number, number]): string =>
  `${gridPlanReasons.gap}: ${Math.round(squareMetres)} m² at ${longitude.toFixed(6)},${latitude.toFixed(6)}`;

export interface PlanReason {
  gridId: string | null;
  reason: string;
}

export function schemaReasons(issues: readonly z.core.$ZodIssue[], body: unknown): PlanReason[] {
  return issues.slice(0, 20).map((issue) => {
    const [first, second, index] = issue.path;
    const feature =
      first === 'grids' && second === 'features' && typeof index === 'number'
        ? featureAt(body, index)
        : undefined;
    return {
      gridId: feature ?? null,
      reason: `${gridPlanReasons.schema}: ${issue.path.join('.')}: ${issue.message}`,
    };
  });
}

function featureAt(body: unknown, index: number): string | undefined {
  if (typeof body !== 'object' || body === null || !('grids' in body)) return undefined;
  const grids: unknown = body.grids;
  if (typeof grids !== 'object' || grids === null || !('features' in grids) || !Array.isArray(grids.features))
    return undefined;
  const feature: unknown = grids.features[index];
  if (typeof feature !== 'object' || feature === null || !('properties' in feature)) return undefined;
  const properties: unknown = feature.properties;
  if (typeof properties !== 'object' || properties === null || !('id' in properties)) return undefined;
  return typeof properties.id === 'string' ? properties.id : undefined;
}
