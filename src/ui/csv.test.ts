import { describe, expect, it } from 'vitest';
import { csvText } from './csv';

describe('csvText', () => {
  it('quotes fields with commas, quotes and line breaks, and leads with a byte-order mark', () => {
    expect(
      csvText([
        ['网格', 'score'],
        ['A,1', 65.5],
        ['say "hi"', 'two\nlines'],
      ]),
    ).toBe('\uFEFF网格,score\r\n"A,1",65.5\r\n"say ""hi""","two\nlines"\r\n');
  });
});
