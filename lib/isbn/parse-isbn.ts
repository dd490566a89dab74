import { compactIsbnInput } from './compact';
import { ean13ToIsbn10, isbn10ToEan13 } from './convert';
import { hyphenateIsbn } from './hyphenate';
import { isValidEan13 } from './validate';

export type ParsedIsbn = {
  ean13: string;
  /** Null when the number is valid but its range is unknown to the range table. */
  isbn13Hyphenated: string | null;
  /** Null for 979 numbers, which have no ISBN-10. */
  isbn10: string | null;
  isbn10Hyphenated: string | null;
};

/**
 * Reads an EAN-13, ISBN-13 or ISBN-10 as a person types it: hyphens, spaces and a leading
 * "ISBN"/"ISBN-13:" label allowed, x or X as the ISBN-10 check digit. Null when invalid.
 */
export function parseIsbn(input: string): ParsedIsbn | null {
  const compact = compactIsbnInput(input);
  if (compact === null) return null;
  const ean13 = isValidEan13(compact) ? compact : isbn10ToEan13(compact);
  if (ean13 === null) return null;
  const isbn10 = ean13ToIsbn10(ean13);
  return {
    ean13,
    isbn13Hyphenated: hyphenateIsbn(ean13),
    isbn10,
    isbn10Hyphenated: isbn10 === null ? null : hyphenateIsbn(isbn10),
  };
}

/**
 * For a route segment such as `/livre/<ean>`: the 13-digit EAN when the segment names a valid
 * book number, else null. Accepts the hyphenated and ISBN-10 forms too, so old links still
 * resolve; when the result differs from the segment, the page should redirect to the canonical
 * URL. Never throws, whatever arrives from the URL.
 */
export function normalizeEanParam(s: string): string | null {
  if (typeof s !== 'string') return null;
  return parseIsbn(s)?.ean13 ?? null;
}
