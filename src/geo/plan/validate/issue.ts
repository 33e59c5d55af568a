import type { Geometry } from 'geojson';
import type { GridType } from '../../../domain/grid';
import type { GridId } from '../../../domain/ids';

/** What is wrong, as codes the issue list translates (planner namespace, `issue.<code>`). */
export const issueCodes = {
  overlap: 'overlap',
  gap: 'gap',
  outsideCommunity: 'outside_community',
  selfIntersection: 'self_intersection',
  invalidGeometry: 'invalid_geometry',
  sliverArea: 'sliver_area',
  sliverWidth: 'sliver_width',
  multiPart: 'multi_part',
  householdsOutOfRange: 'households_out_of_range',
} as const;
export type IssueCode = (typeof issueCodes)[keyof typeof issueCodes];

/** Errors block saving (the community would not be tiled exactly); warnings are for the planner to weigh. */
export type IssueSeverity = 'error' | 'warning';

/**
 * One finding, as data (like terra-draw's validations): the list shows it, the map highlights `geometry` (or the
 * grids themselves when there is none), and `params` fill in the translated message.
 */
export interface Issue {
  code: IssueCode;
  severity: IssueSeverity;
  gridIds: GridId[];
  params: Record<string, number | string>;
  geometry?: Geometry;
}

export interface ValidationOptions {
  /** The households a grid should hold, inclusive (runtime config `planner.householdsPerGrid`). */
  householdsPerGrid: readonly [number, number];
  minimumAreaSquareMetres: number;
  minimumWidthMetres: number;
  /** The grid types the household range applies to; village-type grids follow villagers' groups instead. */
  urbanTypes?: readonly GridType[];
}

export const defaultUrbanTypes: readonly GridType[] = ['new_build', 'urban_village', 'old_town', 'work_unit'];

export const blocksSaving = (issues: readonly Issue[]): boolean =>
  issues.some((issue) => issue.severity === 'error');

/** Rounds an area or length for display in a message; the geometry carries the exact figure. */
export const rounded = (value: number): number => Math.round(value * 10) / 10;
