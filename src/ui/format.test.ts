import { describe, expect, it } from 'vitest';
import { formatPublicCount, formatRatio } from './format';

describe('formats', () => {
  it('shows a rate with its numerator and denominator', () => {
    expect(formatRatio({ numerator: 6973, denominator: 7579 }, 'en')).toEqual({
      rate: '92.0%',
      fraction: '6,973 / 7,579',
    });
  });

  it('has no rate over zero cases', () => {
    expect(formatRatio({ numerator: 0, denominator: 0 }, 'zh-CN').rate).toBeNull();
  });

  it('hides small counts on public screens but keeps zero', () => {
    expect(formatPublicCount(2, 3, 'en')).toBe('<3');
    expect(formatPublicCount(0, 3, 'en')).toBe('0');
    expect(formatPublicCount(3, 3, 'en')).toBe('3');
  });
});
