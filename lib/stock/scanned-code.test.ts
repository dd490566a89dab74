import { describe, expect, it } from 'vitest';
import { readScannedCode } from './scanned-code';

describe('readScannedCode', () => {
  it.each([
    ['9782296013681', '9782296013681'],
    ['978-2-296-01368-1', '9782296013681'],
    ['2-296-01368-6', '9782296013681'],
    [' 9782296013681 ', '9782296013681'],
  ])('%s is the book %s', (input, ean) => expect(readScannedCode(input)).toEqual({ ok: true, ean }));

  it('names a wrong check digit and the right one', () => {
    const result = readScannedCode('9782296013682');
    expect(result).toMatchObject({ ok: false, code: 'BAD_CHECK_DIGIT' });
    expect(!result.ok && result.message).toContain('2 au lieu de 1');
  });

  it.each(['', '   '])('%j is empty', (input) => expect(readScannedCode(input)).toMatchObject({ code: 'EMPTY' }));

  it.each(['abc', '1234567890123', '97822960136', 'x'.repeat(500), '<script>'])('%j is not a book number', (input) =>
    expect(readScannedCode(input)).toMatchObject({ ok: false, code: 'NOT_A_BOOK_NUMBER' }),
  );
});
