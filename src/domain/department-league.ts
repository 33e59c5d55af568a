import type { DepartmentFigures } from './settlement';
import { rateOf } from './ratio';

/**
 * The department league table (部门红黑榜): departments ranked on their on-time rate, ties broken by the shorter
 * median handling time, then by the given order. A department with fewer than `minimumCases` closed cases is left
 * out and listed, so one with two cases and 100 % does not top the table (as rankUnits does for units).
 */
export interface LeagueRow {
  figures: DepartmentFigures;
  onTime: number;
  rank: number;
}

export function departmentLeague(
  departments: readonly DepartmentFigures[],
  minimumCases: number,
): { rows: LeagueRow[]; excluded: DepartmentFigures[] } {
  const eligible: { figures: DepartmentFigures; onTime: number; order: number }[] = [];
  const excluded: DepartmentFigures[] = [];
  departments.forEach((figures, order) => {
    const onTime = rateOf(figures.onTimeRate);
    if (onTime === null || figures.onTimeRate.denominator < minimumCases) excluded.push(figures);
    else eligible.push({ figures, onTime, order });
  });
  eligible.sort(
    (a, b) =>
      b.onTime - a.onTime ||
      (a.figures.medianHandlingMs ?? Infinity) - (b.figures.medianHandlingMs ?? Infinity) ||
      a.order - b.order,
  );
  return {
    rows: eligible.map(({ figures, onTime }, index) => ({ figures, onTime, rank: index + 1 })),
    excluded,
  };
}
