import { describe, expect, it } from 'vitest';
import type { CaseStage } from './case';
import { caseFunnel } from './case-funnel';

const at = (hour: number) => new Date(Date.UTC(2026, 10, 1, hour)).toISOString();

describe('the six-step funnel', () => {
  it('counts current and reached cases per step', () => {
    const cases: { status: CaseStage }[] = [
      { status: 'reported' },
      { status: 'handling' },
      { status: 'closed' },
    ];
    const funnel = caseFunnel(cases);
    expect(funnel.map((step) => step.current)).toEqual([1, 0, 0, 1, 0, 1]);
    expect(funnel.map((step) => step.reached)).toEqual([3, 2, 2, 2, 1, 1]);
  });

  it('takes the median time spent in each step from the step timestamps', () => {
    const funnel = caseFunnel([
      { status: 'filed', stageTimes: { reported: at(0), filed: at(2) } },
      { status: 'filed', stageTimes: { reported: at(0), filed: at(4) } },
      { status: 'assigned', stageTimes: { reported: at(0), filed: at(9), assigned: at(10) } },
    ]);
    expect(funnel[0]?.medianHours).toBe(4);
    expect(funnel[1]?.medianHours).toBe(1);
    expect(funnel[2]?.medianHours).toBeNull();
  });

  it('is all zeros and no data for no cases', () => {
    const funnel = caseFunnel([]);
    expect(funnel.every((step) => step.current === 0 && step.medianHours === null)).toBe(true);
  });
});
