import { ean13CheckDigit, isbn10CheckDigit } from './check-digit';

// Bookland EAN: 978 and 979 are the GS1 prefixes given to the ISBN agency.
// (979-0 is the ISMN range for printed music; it is still a Bookland EAN a bookshop may sell.)
const EAN13_PATTERN = /^97[89]\d{10}$/;
const ISBN10_PATTERN = /^\d{9}[\dX]$/;

/**
 * True when `s` is exactly a compact Bookland EAN-13 (13 digits, 978/979, right check digit).
 * No separators accepted: use `parseIsbn` for what a person typed.
 */
export function isValidEan13(s: string): boolean {
  return EAN13_PATTERN.test(s) && ean13CheckDigit(s.slice(0, 12)) === s.charAt(12);
}

/**
 * True when `s` is exactly a compact ISBN-10 (9 digits then a digit or an upper-case X).
 * No separators accepted: use `parseIsbn` for what a person typed.
 */
export function isValidIsbn10(s: string): boolean {
  return ISBN10_PATTERN.test(s) && isbn10CheckDigit(s.slice(0, 9)) === s.charAt(9);
}
