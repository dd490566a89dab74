import { z } from 'zod';
import { plainText } from '@/lib/core/plain-text';
import { scannedEan } from './stock-desk';

// "Le mot du libraire": a bookseller's short note on a book (docs/decisions/024-bookseller-picks.md).

export const PICK_NOTE_MIN = 20;
export const PICK_NOTE_MAX = 1_200;

/** The note: paragraphs separated by blank lines; line breaks allowed, other control characters not. */
const note = z
  .string({ error: 'Écrivez le mot du libraire.' })
  .max(PICK_NOTE_MAX + 200, { error: `${PICK_NOTE_MAX.toLocaleString('fr-FR')} caractères au plus.` })
  .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value), {
    error: 'Ce texte contient des caractères non autorisés.',
  })
  .transform((value) =>
    value
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
  )
  .pipe(
    z
      .string()
      .min(PICK_NOTE_MIN, { error: `Quelques mots de plus : ${PICK_NOTE_MIN} caractères au moins.` })
      .max(PICK_NOTE_MAX, { error: `${PICK_NOTE_MAX.toLocaleString('fr-FR')} caractères au plus.` }),
  );

export const BookPickSchema = z.object({
  ean: scannedEan,
  note,
  booksellerName: plainText(40, 'Indiquez le prénom qui signe le mot.'),
});

export type BookPickInput = z.infer<typeof BookPickSchema>;

export const RemovePickSchema = z.object({ ean: scannedEan });

/** /coups-de-coeur?page=N: a page number, 1 when absent or absurd. */
export const PicksQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** The note's paragraphs, as the book page and the listing show them. */
export function noteParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}
