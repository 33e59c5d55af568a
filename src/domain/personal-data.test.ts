import { describe, expect, it } from 'vitest';
import { maskPersonName, maskPhone, publicPerson } from './personal-data';

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

describe('maskPhone', () => {
  it('keeps a mobile number’s carrier prefix and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('keeps only the last four digits of a landline, its area code hidden too', () => {
    expect(maskPhone('0356-2021234')).toBe('*******1234');
  });
  it('hides a short number entirely', () => {
    expect(maskPhone('12345')).toBe('*****');
  });
});

describe('publicPerson', () => {
  it('masks the name and drops the phone', () => {
    const worker = { id: 'W1', name: '王建国', phone: '13812345678' };
    expect(publicPerson(worker)).toEqual({ id: 'W1', name: '王**', phone: null });
  });
});
