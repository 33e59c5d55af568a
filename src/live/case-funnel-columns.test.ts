import { describe, expect, it } from 'vitest';
import { caseFunnel } from '../domain/case-funnel';
import { CaseColumns } from './case-columns';
import { funnelOfColumns } from './case-funnel-columns';
import { sampleCase, sampleGridIds } from '../contract/columnar/case.fixtures';
import { caseStages } from '../domain/case';

/** Cases with step times spread irregularly, some steps missing, so medians and counts are not trivial. */
const features = Array.from({ length: 700 }, (_, index) => {
  const base = sampleCase(index);
  const reached = caseStages.indexOf(base.properties.status);
  const start = Date.parse(base.properties.reportedAt);
  const stageTimes: Partial<Record<(typeof caseStages)[number], string>> = {};
  let at = start;
  caseStages.slice(0, reached + 1).forEach((stage, step) => {
    if (step > 0) at += ((index * 37 + step * 11) % 97) * 1_800_000;
    if ((index + step) % 13 !== 0) stageTimes[stage] = new Date(at).toISOString();
  });
  return { ...base, properties: { ...base.properties, stageTimes } };
});

describe('funnelOfColumns', () => {
  it('equals the domain funnel over the same cases', () => {
    const columns = CaseColumns.from(features, sampleGridIds);
    const rows = Uint32Array.from({ length: columns.count }, (_, row) => row).filter((row) => row % 3 !== 1);
    const expected = caseFunnel(Array.from(rows, (row) => features[row]!.properties));
    expect(expected.some((step) => step.medianHours !== null && step.medianHours > 0)).toBe(true);
    const actual = funnelOfColumns(columns, rows);
    actual.forEach((step, index) => {
      const want = expected[index]!;
      expect(step.stage).toBe(want.stage);
      expect(step.current).toBe(want.current);
      expect(step.reached).toBe(want.reached);
      if (want.medianHours === null) expect(step.medianHours).toBeNull();
      else expect(step.medianHours).toBeCloseTo(want.medianHours, 9);
    });
  });
});
