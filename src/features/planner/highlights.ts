import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GridAreaDiff } from '../../geo/plan/reattribution';
import type { Issue } from '../../geo/plan/validate/issue';
import type { Plan } from '../../geo/plan/plan';
import type { HighlightKind } from '../../map/planner/planner-map';

const mark = (geometry: Geometry, kind: HighlightKind, label: string): Feature => ({
  type: 'Feature',
  geometry,
  properties: { kind, label },
});

function gridGeometries(plan: Plan, gridIds: readonly string[]): Geometry[] {
  return plan.grids.filter((grid) => gridIds.includes(grid.properties.id)).map((grid) => grid.geometry);
}

/**
 * An issue marks its own geometry (the gap, the overlap) or, when it has none, the grids it names; `describe`
 * gives the words drawn beside it, so the map does not say it by colour alone.
 */
export const issueHighlights = (
  plan: Plan,
  issues: readonly Issue[],
  describe: (issue: Issue) => string,
): Feature[] =>
  issues.flatMap((issue) =>
    (issue.geometry ? [issue.geometry] : gridGeometries(plan, issue.gridIds)).map((geometry) =>
      mark(geometry, issue.severity, describe(issue)),
    ),
  );

/** The diff map: ground each grid gains and loses against the saved grids (unlabelled: the legend says it). */
export const diffHighlights = (diffs: readonly GridAreaDiff[]): Feature[] =>
  diffs.flatMap((diff) => [
    ...(diff.gained ? [mark(diff.gained, 'gained', '')] : []),
    ...(diff.lost ? [mark(diff.lost, 'lost', '')] : []),
  ]);

/** Grids the server refused (422), or that someone else changed (409), outlined. */
export const gridHighlights = (
  plan: Plan,
  gridIds: readonly string[],
  kind: HighlightKind,
  label: string,
): Feature[] => gridGeometries(plan, gridIds).map((geometry) => mark(geometry, kind, label));

export const collection = (features: Feature[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features,
});
