import { describe, expect, it } from 'vitest';
import { charactersOf, publicCaseText } from './public-text';

describe('publicCaseText', () => {
  it('removes phone numbers in any common spelling', () => {
    for (const phone of ['13912345678', '0356-2345678', '+86 139 1234 5678']) {
      const text = publicCaseText(`路灯损坏，联系${phone}`, 40);
      expect(text).not.toMatch(/\d{4}/);
      expect(text).toContain('***');
    }
  });

  it('keeps no family name in front of an honorific', () => {
    expect(publicCaseText('王先生反映楼道堆物', 40)).toBe('*先生反映楼道堆物');
  });

  it('shortens long text to the given characters, ellipsis included', () => {
    const text = publicCaseText('小区楼道堆放杂物影响消防通道畅通请尽快清理', 10);
    expect(charactersOf(text)).toHaveLength(10);
    expect(text.endsWith('…')).toBe(true);
  });

  it('leaves short plain text alone', () => {
    expect(publicCaseText('噪音扰民', 12)).toBe('噪音扰民');
  });
});
