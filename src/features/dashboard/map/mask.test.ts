import { describe, expect, it } from 'vitest';
import { maskPersonName } from './mask';

describe('maskPersonName', () => {
  it('keeps the surname and hides the given name, character by character', () => {
    expect(maskPersonName('王建国')).toBe('王**');
    expect(maskPersonName('李娜')).toBe('李*');
  });
  it('hides a one-character name entirely and leaves an empty one empty', () => {
    expect(maskPersonName('明')).toBe('*');
    expect(maskPersonName('  ')).toBe('');
  });
});
