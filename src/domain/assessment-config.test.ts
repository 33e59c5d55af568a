import { describe, expect, it } from 'vitest';
import { runtimeConfigSchema } from './runtime-config';

const base = { api: { baseUrl: '/api' } };

describe('assessment.weights in the runtime configuration', () => {
  it('defaults each weight, keeps the ones given and refuses all zero', () => {
    expect(runtimeConfigSchema.parse(base).assessment.weights).toEqual({
      patrolShare: 0.2,
      settledInGrid: 0.2,
      onTime: 0.3,
      satisfaction: 0.3,
    });
    const given = runtimeConfigSchema.parse({ ...base, assessment: { weights: { onTime: 2 } } });
    expect(given.assessment.weights).toEqual({
      patrolShare: 0.2,
      settledInGrid: 0.2,
      onTime: 2,
      satisfaction: 0.3,
    });
    const zero = { patrolShare: 0, settledInGrid: 0, onTime: 0, satisfaction: 0 };
    expect(runtimeConfigSchema.safeParse({ ...base, assessment: { weights: zero } }).success).toBe(false);
    expect(runtimeConfigSchema.safeParse({ ...base, assessment: { weights: { visits: 1 } } }).success).toBe(
      false,
    );
  });
});
