import { describe, expect, it } from 'vitest';
import { serialOf } from './plan';

describe('grid serials', () => {
  it('reads the serial after the community id, for registry codes and planner ids alike', () => {
    expect(serialOf('140502001001007', '140502001001')).toBe(7);
    expect(serialOf('140502001001-G12', '140502001001')).toBe(12);
    expect(serialOf('C1-G3', 'C1')).toBe(3);
  });
});
