import type { GridId } from '../../domain/ids';
import { apportion } from './geometry/apportion';
import { areaOf, boundsIntersect, boundsOf, intersectAreas, subtractAreas } from './geometry/clip';
import type { AreaGeometry, GridFeature } from './plan';
import { countPointsIn, type PointPositions } from './point-counts';

export interface ReattributionPoints {
  cases: { positions: PointPositions; /** Epoch ms, one per case. */ reportedAt: ArrayLike<number> };
  cameras: PointPositions;
  stations: PointPositions;
}

export interface GridFigures {
  areaSquareMetres: number;
  households: number;
  population: number;
  casesLast12Months: number;
  cameras: number;
  stations: number;
}

export type RowStatus = 'unchanged' | 'changed' | 'added' | 'removed';

/** One line of the before/after table; `before` is null for a new grid, `after` null for a removed one. */
export interface ReattributionRow {
  gridId: GridId;
  name: string;
  status: RowStatus;
  before: GridFigures | null;
  after: GridFigures | null;
}

/** For the diff map: the ground a grid gains and loses, with the areas for the legend. */
export interface GridAreaDiff {
  gridId: GridId;
  gained: AreaGeometry | null;
  lost: AreaGeometry | null;
  gainedSquareMetres: number;
  lostSquareMetres: number;
}

export interface Reattribution {
  rows: ReattributionRow[];
  diffs: GridAreaDiff[];
}

/**
 * Households and population of the draft grids, taken from the grids as they were by area share: households are
 * assumed spread evenly within each original grid, the best we know without building-level data. Shares are
 * rounded so the community's total is kept (largest remainder). The server stores a saved plan's figures by this
 * same function (server/src/plan-store.ts).
 */
export function redistribute(
  before: readonly GridFeature[],
  after: readonly GridFeature[],
  key: 'households' | 'population',
): number[] {
  const beforeAreas = before.map((grid) => ({
    grid,
    bounds: boundsOf(grid.geometry),
    area: areaOf(grid.geometry),
  }));
  const exact = after.map((draft) => {
    const bounds = boundsOf(draft.geometry);
    return beforeAreas.reduce((sum, { grid, bounds: beforeBounds, area }) => {
      if (area <= 0 || !boundsIntersect(bounds, beforeBounds)) return sum;
      return sum + (grid.properties[key] * areaOf(intersectAreas(draft.geometry, grid.geometry))) / area;
    }, 0);
  });
  return apportion(Math.round(exact.reduce((sum, value) => sum + value, 0)), exact);
}

function pointFigures(grids: readonly GridFeature[], points: ReattributionPoints, now: Date) {
  const since = new Date(now);
  since.setMonth(since.getMonth() - 12);
  const from = since.getTime();
  const to = now.getTime();
  const areas = grids.map((grid) => grid.geometry);
  const recent = (index: number): boolean => {
    const reported = points.cases.reportedAt[index] ?? NaN;
    return reported >= from && reported <= to;
  };
  return {
    cases: countPointsIn(areas, points.cases.positions, recent),
    cameras: countPointsIn(areas, points.cameras),
    stations: countPointsIn(areas, points.stations),
  };
}

function figuresOf(
  grids: readonly GridFeature[],
  households: number[],
  population: number[],
  points: ReturnType<typeof pointFigures>,
) {
  return new Map(
    grids.map((grid, index): [GridId, GridFigures] => [
      grid.properties.id,
      {
        areaSquareMetres: areaOf(grid.geometry),
        households: households[index] ?? 0,
        population: population[index] ?? 0,
        casesLast12Months: points.cases[index] ?? 0,
        cameras: points.cameras[index] ?? 0,
        stations: points.stations[index] ?? 0,
      },
    ]),
  );
}

/** The re-attribution preview of a draft: figures per grid before and after, and what ground changed hands. */
export function reattribute(
  before: readonly GridFeature[],
  after: readonly GridFeature[],
  points: ReattributionPoints,
  now: Date,
): Reattribution {
  const beforeFigures = figuresOf(
    before,
    before.map((grid) => grid.properties.households),
    before.map((grid) => grid.properties.population),
    pointFigures(before, points, now),
  );
  const afterFigures = figuresOf(
    after,
    redistribute(before, after, 'households'),
    redistribute(before, after, 'population'),
    pointFigures(after, points, now),
  );
  const beforeById = new Map(before.map((grid) => [grid.properties.id, grid]));
  const afterById = new Map(after.map((grid) => [grid.properties.id, grid]));
  const ids = [...new Set([...beforeById.keys(), ...afterById.keys()])];
  const rows: ReattributionRow[] = [];
  const diffs: GridAreaDiff[] = [];
  for (const gridId of ids) {
    const was = beforeById.get(gridId);
    const is = afterById.get(gridId);
    const sameGround =
      was !== undefined && is !== undefined && JSON.stringify(was.geometry) === JSON.stringify(is.geometry);
    const gained = !is
      ? null
      : !was
        ? is.geometry
        : sameGround
          ? null
          : subtractAreas(is.geometry, [was.geometry]);
    const lost = !was
      ? null
      : !is
        ? was.geometry
        : sameGround
          ? null
          : subtractAreas(was.geometry, [is.geometry]);
    const rowBefore = beforeFigures.get(gridId) ?? null;
    const rowAfter = afterFigures.get(gridId) ?? null;
    const status: RowStatus = !was
      ? 'added'
      : !is
        ? 'removed'
        : !gained && !lost && sameFigures(rowBefore, rowAfter)
          ? 'unchanged'
          : 'changed';
    rows.push({
      gridId,
      name: (is ?? was)?.properties.name ?? gridId,
      status,
      before: rowBefore,
      after: rowAfter,
    });
    if (gained || lost)
      diffs.push({
        gridId,
        gained,
        lost,
        gainedSquareMetres: areaOf(gained),
        lostSquareMetres: areaOf(lost),
      });
  }
  return { rows, diffs };
}

const sameFigures = (a: GridFigures | null, b: GridFigures | null): boolean =>
  a !== null &&
  b !== null &&
  a.households === b.households &&
  a.population === b.population &&
  a.casesLast12Months === b.casesLast12Months &&
  a.cameras === b.cameras &&
  a.stations === b.stations;
