import { describe, expect, it } from 'vitest';

import { hyphenateIsbn } from './hyphenate';
import { normalizeEanParam, parseIsbn } from './parse-isbn';

const SEED_BOOK = {
  ean13: '9782296013681',
  isbn13Hyphenated: '978-2-296-01368-1',
  isbn10: '2296013686',
  isbn10Hyphenated: '2-296-01368-6',
};

describe('hyphenateIsbn', () => {
  it('hyphenates by registration group and registrant ranges', () => {
    expect(hyphenateIsbn('9782296013681')).toBe('978-2-296-01368-1');
    expect(hyphenateIsbn('2296013686')).toBe('2-296-01368-6');
    expect(hyphenateIsbn('9791091146135')).toBe('979-10-91146-13-5');
    expect(hyphenateIsbn('9780804429573')).toBe('978-0-8044-2957-3');
  });

  it('moves wrong hyphens to the right places', () => {
    expect(hyphenateIsbn('978-22-9601-368-1')).toBe('978-2-296-01368-1');
  });

  it('returns null for a valid number in a range the table does not know', () => {
    // 978-699… is not allocated; 979-0… is the ISMN (music) range.
    expect(hyphenateIsbn('9786990000008')).toBeNull();
    expect(hyphenateIsbn('9790000000001')).toBeNull();
  });

  it('returns null for an invalid number', () => {
    expect(hyphenateIsbn('9782296013680')).toBeNull();
  });
});

describe('parseIsbn', () => {
  it.each([
    '9782296013681',
    '978-2-296-01368-1',
    '978 2 296 01368 1',
    '  9782296013681\n',
    '2296013686',
    '2-296-01368-6',
    'ISBN 978-2-296-01368-1',
    'ISBN-13 : 978-2-296-01368-1',
    'ISBN-10: 2-296-01368-6',
    'isbn 2 296 01368 6',
    '978\u20112\u2011296\u201101368\u20111', // non-breaking hyphens from a word processor
  ])('reads the seed book from %j', (input) => {
    expect(parseIsbn(input)).toEqual(SEED_BOOK);
  });

  it('reads a 979 number, which has no ISBN-10', () => {
    expect(parseIsbn('979-10-91146-13-5')).toEqual({
      ean13: '9791091146135',
      isbn13Hyphenated: '979-10-91146-13-5',
      isbn10: null,
      isbn10Hyphenated: null,
    });
  });

  it('reads an ISBN-10 ending in x', () => {
    expect(parseIsbn('0-8044-2957-x')).toMatchObject({
      ean13: '9780804429573',
      isbn10: '080442957X',
      isbn10Hyphenated: '0-8044-2957-X',
    });
  });

  it('keeps a valid number whose range is unknown, without hyphenation', () => {
    expect(parseIsbn('9786990000008')).toEqual({
      ean13: '9786990000008',
      isbn13Hyphenated: null,
      isbn10: '6990000007',
      isbn10Hyphenated: null,
    });
  });

  it.each([
    '',
    '   ',
    '9782296013680', // wrong EAN check digit
    '2296013687', // wrong ISBN-10 check digit
    '4006381333931', // EAN-13 outside Bookland
    '978229601368', // 12 digits
    '97822960136811', // 14 digits
    '978-2-296-01368-1-1',
    '978229601368X',
    'ISBN',
    '9782296013681abc',
    '%00',
    '\u0000',
    '2'.repeat(1000),
  ])('returns null for %j', (input) => {
    expect(parseIsbn(input)).toBeNull();
  });
});

describe('normalizeEanParam', () => {
  it('returns the canonical EAN for the forms an old link may use', () => {
    expect(normalizeEanParam('9782296013681')).toBe('9782296013681');
    expect(normalizeEanParam('978-2-296-01368-1')).toBe('9782296013681');
    expect(normalizeEanParam('2296013686')).toBe('9782296013681');
  });

  it('returns null for anything else, without throwing', () => {
    expect(normalizeEanParam('%00')).toBeNull();
    expect(normalizeEanParam('9'.repeat(1000))).toBeNull();
    expect(normalizeEanParam('../../etc/passwd')).toBeNull();
    expect(normalizeEanParam('9782296013680')).toBeNull();
    // Runtime values that the type does not allow but a catch-all route could pass.
    expect(normalizeEanParam(undefined as unknown as string)).toBeNull();
    expect(normalizeEanParam(['9782296013681'] as unknown as string)).toBeNull();
  });
});
