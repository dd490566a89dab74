import { z } from 'zod';
import { optionalPhone } from './phone';
import { plainText } from '@/lib/core/plain-text';
import { parseIsbn } from '@/lib/isbn';

// The reader's form "Commander un livre absent du catalogue" (/commander-un-livre) and the
// bookseller's refusal (/admin/demandes). A book is named by its ISBN, or by its title and author.

/** Copies one reader may ask for online; a class set or a library's order goes through the shop. */
export const MAX_REQUESTED_COPIES = 5;

const optionalText = (max: number) =>
  plainText(max)
    .optional()
    .transform((value) => value || null);

/** The fields of the form, in the order they are shown. */
export const BOOK_REQUEST_FIELDS = [
  'isbn',
  'title',
  'author',
  'publisher',
  'quantity',
  'fullName',
  'email',
  'phone',
  'message',
] as const;

export const BookRequestSchema = z
  .object({
    isbn: z
      .string()
      .max(40, { error: 'ISBN invalide (exemple : 978-2-247-20385-0).' })
      .optional()
      .transform((value, ctx) => {
        if (!value?.trim()) return null;
        const parsed = parseIsbn(value);
        if (parsed) return parsed.ean13;
        ctx.addIssue({ code: 'custom', message: 'ISBN invalide : vérifiez-le sur la couverture ou laissez-le vide.' });
        return z.NEVER;
      }),
    title: optionalText(200),
    author: optionalText(120),
    publisher: optionalText(120),
    quantity: z
      .string()
      .trim()
      .regex(/^\d{1,2}$/, { error: `Entre 1 et ${MAX_REQUESTED_COPIES} exemplaires.` })
      .transform(Number)
      .refine((n) => n >= 1 && n <= MAX_REQUESTED_COPIES, {
        error: `Entre 1 et ${MAX_REQUESTED_COPIES} exemplaires.`,
      }),
    fullName: plainText(100, 'Indiquez vos nom et prénom.'),
    email: z
      .string({ error: 'Indiquez votre adresse e-mail.' })
      .max(254, { error: 'Adresse e-mail invalide (exemple : nom@exemple.fr).' })
      .trim()
      .toLowerCase()
      .min(1, { error: 'Indiquez votre adresse e-mail.' })
      .pipe(z.email({ error: 'Adresse e-mail invalide (exemple : nom@exemple.fr).' })),
    phone: optionalPhone.transform((value) => value || null),
    message: optionalText(500),
    /** The form's key, minted in the browser: posted twice, one request. Absent without JavaScript. */
    submission: z
      .string()
      .optional()
      .transform((value) => value || null)
      .pipe(z.uuid({ error: 'Formulaire invalide : rechargez la page.' }).nullable()),
  })
  .superRefine((form, ctx) => {
    if (form.isbn) return;
    if (!form.title)
      ctx.addIssue({ code: 'custom', path: ['title'], message: 'Indiquez l’ISBN, ou le titre et l’auteur.' });
    if (!form.author)
      ctx.addIssue({ code: 'custom', path: ['author'], message: 'Indiquez l’ISBN, ou le titre et l’auteur.' });
  });

export type BookRequestInput = z.output<typeof BookRequestSchema>;

export const BookRequestAnswerSchema = z.object({
  reference: z.string().regex(/^DL-[0-9A-Z]{8}$/, { error: 'Demande inconnue.' }),
  reason: plainText(500, 'Dites au lecteur pourquoi ce livre ne peut pas être obtenu.'),
});

export const BOOK_REQUEST_ANSWER =
  'Demande enregistrée. Nous vous avons envoyé un accusé de réception par courriel et vous répondons sous deux jours ouvrables.';
