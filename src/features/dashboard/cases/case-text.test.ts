import { describe, expect, it } from 'vitest';
import { durationParts, maskPhoneNumbers } from './case-text';

describe('case text', () => {
  it('masks the middle of mobile numbers and all but the last four digits of landlines', () => {
    expect(maskPhoneNumbers('联系人电话13812345678，楼道堆物')).toBe('联系人电话138****5678，楼道堆物');
    expect(maskPhoneNumbers('座机 0356-2021234')).toBe('座机 0356-***1234');
    expect(maskPhoneNumbers('3号楼 12 户')).toBe('3号楼 12 户');
  });

  it('reads durations in days or hours', () => {
    expect(durationParts(50 * 3_600_000)).toEqual({ unit: 'days', count: 2 });
    expect(durationParts(5.5 * 3_600_000)).toEqual({ unit: 'hours', count: 5 });
  });
});
