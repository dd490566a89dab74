// isbn3 ships its own types (a `declare module "isbn3"` with named exports, no default export).
// It is CommonJS; the named import works in Node ESM (tsx, vitest) and in the Next bundler.
import { parse } from 'isbn3';

import { compactIsbnInput } from './compact';
import { isValidEan13, isValidIsbn10 } from './validate';

/**
 * Hyphenates an EAN-13 ("978-2-296-01368-1") or an ISBN-10 ("2-296-01368-6"), keeping the form
 * it was given. Where the hyphens go depends on the registration-group and registrant ranges
 * published by the International ISBN Agency, which isbn3 carries.
 * Null when the input is invalid, or valid but in a range isbn3 does not know (yet).
 */
export function hyphenateIsbn(isbn: string): string | null {
  const compact = compactIsbnInput(isbn);
  if (compact === null) return null;
  if (isValidEan13(compact)) return parse(compact)?.isbn13h ?? null;
  if (isValidIsbn10(compact)) return parse(compact)?.isbn10h ?? null;
  return null;
}
