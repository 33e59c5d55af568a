import { describe, expect, it } from 'vitest';
import { departmentLeague } from './department-league';
import type { DepartmentFigures } from './settlement';

const hourMs = 3_600_000;
const figures = (
  department: DepartmentFigures['department'],
  numerator: number,
  denominator: number,
  medianHours: number,
): DepartmentFigures => ({
  department,
  onTimeRate: { numerator, denominator },
  medianHandlingMs: medianHours * hourMs,
  overdueCases: 0,
});

describe('department league table', () => {
  it('ranks on on-time rate, then the shorter median, and leaves out departments under the threshold', () => {
    const league = departmentLeague(
      [
        figures('housing', 18, 20, 50), // 90 %
        figures('water', 3, 3, 10), // 100 %, but 3 cases: under the threshold of 5
        figures('emergency', 9, 10, 30), // 90 %, quicker than housing
        figures('petitions', 16, 20, 70), // 80 %
        figures('ecology', 19, 20, 90), // 95 %
      ],
      5,
    );
    expect(league.rows.map((row) => [row.rank, row.figures.department, row.onTime])).toEqual([
      [1, 'ecology', 0.95],
      [2, 'emergency', 0.9],
      [3, 'housing', 0.9],
      [4, 'petitions', 0.8],
    ]);
    expect(league.excluded.map((row) => row.department)).toEqual(['water']);
  });
});
