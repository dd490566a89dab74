import { describe, expect, it } from 'vitest';

import { ean13ToIsbn10, isbn10ToEan13 } from './convert';

describe('isbn10ToEan13', () => {
  it('converts the seed book, with or without hyphens', () => {
    expect(isbn10ToEan13('2296013686')).toBe('9782296013681');
    expect(isbn10ToEan13('2-296-01368-6')).toBe('9782296013681');
  });

  it('recomputes the check digit (X becomes a digit)', () => {
    expect(isbn10ToEan13('0-8044-2957-X')).toBe('9780804429573');
    expect(isbn10ToEan13('080442957x')).toBe('9780804429573');
  });

  it('returns null for an invalid ISBN-10 or an EAN', () => {
    expect(isbn10ToEan13('2296013687')).toBeNull();
    expect(isbn10ToEan13('9782296013681')).toBeNull();
    expect(isbn10ToEan13('abc')).toBeNull();
  });
});

describe('ean13ToIsbn10', () => {
  it('converts the seed book back', () => {
    expect(ean13ToIsbn10('9782296013681')).toBe('2296013686');
    expect(ean13ToIsbn10('978-2-296-01368-1')).toBe('2296013686');
  });

  it('produces X when the ISBN-10 check digit is 10', () => {
    expect(ean13ToIsbn10('9780804429573')).toBe('080442957X');
  });

  it('returns null for 979, which has no ISBN-10', () => {
    expect(ean13ToIsbn10('9791091146135')).toBeNull();
  });

  it('returns null for an invalid EAN', () => {
    expect(ean13ToIsbn10('9782296013680')).toBeNull();
    expect(ean13ToIsbn10('2296013686')).toBeNull();
  });
});
