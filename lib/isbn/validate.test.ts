import { describe, expect, it } from 'vitest';

import { isValidEan13, isValidIsbn10 } from './validate';

describe('isValidEan13', () => {
  it('accepts the seed book and a 979 number', () => {
    expect(isValidEan13('9782296013681')).toBe(true);
    expect(isValidEan13('9791091146135')).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidEan13('9782296013680')).toBe(false);
    expect(isValidEan13('9782296013682')).toBe(false);
  });

  it('rejects a valid EAN-13 outside Bookland (978/979)', () => {
    // 4006381333931 is a valid EAN-13 (grocery), not a book.
    expect(isValidEan13('4006381333931')).toBe(false);
  });

  it('rejects separators, wrong lengths and non-digits', () => {
    expect(isValidEan13('978-2-296-01368-1')).toBe(false);
    expect(isValidEan13('978229601368')).toBe(false);
    expect(isValidEan13('97822960136810')).toBe(false);
    expect(isValidEan13('978229601368X')).toBe(false);
    expect(isValidEan13('')).toBe(false);
  });
});

describe('isValidIsbn10', () => {
  it('accepts the seed book', () => {
    expect(isValidIsbn10('2296013686')).toBe(true);
  });

  it('accepts X as the check digit (value 10)', () => {
    expect(isValidIsbn10('080442957X')).toBe(true);
    expect(isValidIsbn10('0804429570')).toBe(false);
  });

  it('rejects a wrong check digit and X anywhere but last', () => {
    expect(isValidIsbn10('2296013687')).toBe(false);
    expect(isValidIsbn10('X296013686')).toBe(false);
  });

  it('rejects lower-case x and separators (parseIsbn reads those)', () => {
    expect(isValidIsbn10('080442957x')).toBe(false);
    expect(isValidIsbn10('2-296-01368-6')).toBe(false);
  });
});
