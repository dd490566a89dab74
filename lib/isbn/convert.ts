import { ean13CheckDigit, isbn10CheckDigit } from './check-digit';
import { compactIsbnInput } from './compact';
import { isValidEan13, isValidIsbn10 } from './validate';

/** "2-296-01368-6" → "9782296013681"; null when the input is not a valid ISBN-10. */
export function isbn10ToEan13(isbn10: string): string | null {
  const compact = compactIsbnInput(isbn10);
  if (compact === null || !isValidIsbn10(compact)) return null;
  const first12 = `978${compact.slice(0, 9)}`;
  return first12 + ean13CheckDigit(first12);
}

/**
 * "9782296013681" → "2296013686"; null when the input is not a valid EAN-13 or starts with 979,
 * a prefix that has no ISBN-10 form.
 */
export function ean13ToIsbn10(ean: string): string | null {
  const compact = compactIsbnInput(ean);
  if (compact === null || !isValidEan13(compact) || !compact.startsWith('978')) return null;
  const first9 = compact.slice(3, 12);
  return first9 + isbn10CheckDigit(first9);
}
