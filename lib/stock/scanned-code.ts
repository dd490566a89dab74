// What a barcode scanner (or a person) typed in a stock screen's EAN field: the book's EAN-13,
// or a precise reason why not, so the bookseller knows whether to rescan or to type it again.
// A scanner types the 13 digits then Enter; a person may type an ISBN-10 or hyphens.
import { compactIsbnInput } from '@/lib/isbn/compact';
import { ean13CheckDigit } from '@/lib/isbn/check-digit';
import { parseIsbn } from '@/lib/isbn';

export type ScannedCode =
  { ok: true; ean: string } | { ok: false; code: 'EMPTY' | 'BAD_CHECK_DIGIT' | 'NOT_A_BOOK_NUMBER'; message: string };

export function readScannedCode(input: string): ScannedCode {
  const compact = compactIsbnInput(input);
  if (compact === '') return { ok: false, code: 'EMPTY', message: 'Scannez ou tapez un EAN.' };
  const parsed = parseIsbn(input);
  if (parsed) return { ok: true, ean: parsed.ean13 };
  if (compact && /^97[89]\d{10}$/.test(compact)) {
    return {
      ok: false,
      code: 'BAD_CHECK_DIGIT',
      message: `EAN ${compact} : la clé de contrôle est fausse (${compact.charAt(12)} au lieu de ${ean13CheckDigit(compact.slice(0, 12))}). Rescannez le livre ou vérifiez la saisie.`,
    };
  }
  if (compact && /^\d{9}[\dX]$/.test(compact)) {
    return {
      ok: false,
      code: 'BAD_CHECK_DIGIT',
      message: `ISBN ${compact} : la clé de contrôle est fausse. Vérifiez la saisie.`,
    };
  }
  return {
    ok: false,
    code: 'NOT_A_BOOK_NUMBER',
    message: 'Ce n’est pas un EAN de livre : 13 chiffres commençant par 978 ou 979 (ou un ISBN à 10 caractères).',
  };
}
