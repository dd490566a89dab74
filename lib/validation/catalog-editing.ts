import { z } from 'zod';
import {
  CONTRIBUTOR_ROLES,
  LANGUAGES,
  PRODUCT_FORMS,
  SUPPLIER_AVAILABILITY_CODES,
  VAT_RATES,
} from '@/lib/catalog/editing-codes';
import { isValidGln } from '@/lib/stock/gln';
import { parseDiscountPercent } from '@/lib/stock/purchase-cost';
import { plainText } from '@/lib/core/plain-text';
import { scannedEan } from './stock-desk';
import { idField } from './staff';

// The back office's catalog forms: books, contributors, publishers, collections, themes and
// distributors, checked as the storefront and the ONIX import check them (EAN check digit, a
// price above zero, real dates, ONIX code lists).

const keys = (record: Record<string, string>) => Object.keys(record) as [string, ...string[]];

/** Multi-line text (a back-cover text, a biography): line breaks allowed, other control characters not. */
const longText = (max: number) =>
  z
    .string()
    .max(max, { error: `${max.toLocaleString('fr-FR')} caractères au plus.` })
    .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value), {
      error: 'Ce texte contient des caractères non autorisés.',
    })
    .transform((value) => value.replace(/\r\n?/g, '\n').trim() || null)
    .optional()
    .transform((value) => value ?? null);

const optionalText = (max: number) =>
  plainText(max)
    .optional()
    .transform((value) => value || null);

/** "29", "29,90", "29.9 €" → 2990 cents; 0 and absurd prices refused (loi Lang: the publisher sets a price). */
const priceCents = z.string({ error: 'Indiquez le prix public TTC.' }).transform((value, ctx) => {
  const match = /^(\d{1,5})(?:[.,](\d{1,2}))?$/.exec(value.replace(/[\s€]/g, ''));
  const cents = match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : 0;
  if (!match || cents <= 0) {
    ctx.addIssue({ code: 'custom', message: 'Prix public TTC supérieur à 0, en euros (par exemple 29 ou 24,50).' });
    return z.NEVER;
  }
  return cents;
});

/** "2026-03-15" → a date-only value; refuses 31 February and years no book was printed in. */
const optionalDay = (message: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
      if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      const year = date.getUTCFullYear();
      if (year < 1450 || year > 2100) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return date;
    });

const optionalId = (message: string) =>
  z
    .string()
    .optional()
    .transform((value) => value || undefined)
    .pipe(idField(message).optional());

/**
 * The book form's contributors: fields "contributor-<n>" (a name, as the contributors' list has
 * it) and "role-<n>" (ONIX list 17). Names, not ids: a catalog of a million books has too many
 * people and publishers for a drop-down; lib/data/catalog/book-editing.ts finds them by name.
 */
export const MAX_BOOK_CONTRIBUTORS = 10;

export function bookFormValues(fields: Record<string, string>) {
  const contributors: { name: string; role: string }[] = [];
  for (let index = 0; index < MAX_BOOK_CONTRIBUTORS; index += 1) {
    const name = fields[`contributor-${index}`]?.trim();
    if (name) contributors.push({ name, role: fields[`role-${index}`] ?? 'A01' });
  }
  return { ...fields, contributors };
}

export const BookFormSchema = z
  .object({
    title: plainText(300, 'Indiquez le titre.'),
    subtitle: optionalText(300),
    description: longText(10_000),
    pageCount: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || undefined)
      .pipe(
        z
          .string()
          .regex(/^\d{1,5}$/, { error: 'Un nombre de pages entre 1 et 99 999.' })
          .transform(Number)
          .refine((n) => n > 0, { error: 'Un nombre de pages entre 1 et 99 999.' })
          .optional(),
      )
      .transform((value) => value ?? null),
    publishedOn: optionalDay('Date de parution invalide (jj/mm/aaaa).'),
    productForm: z.enum(keys(PRODUCT_FORMS), { error: 'Choisissez la forme du livre.' }),
    workType: plainText(60, 'Indiquez le genre (Essai, Manuel, Code…).'),
    languageCode: z.enum(keys(LANGUAGES), { error: 'Choisissez la langue.' }),
    publisherPriceCents: priceCents,
    vatRateBasisPoints: z.enum(keys(VAT_RATES), { error: 'Choisissez le taux de TVA.' }).transform(Number),
    publisherName: plainText(150, 'Indiquez l’éditeur.'),
    collectionName: optionalText(150),
    collectionNumber: optionalText(20),
    themeId: idField('Choisissez le thème.'),
    contributors: z
      .array(
        z.object({
          name: plainText(150, 'Nom du contributeur manquant.'),
          role: z.enum(keys(CONTRIBUTOR_ROLES), { error: 'Rôle inconnu.' }),
        }),
      )
      .max(MAX_BOOK_CONTRIBUTORS, { error: `${MAX_BOOK_CONTRIBUTORS} contributeurs au plus.` }),
    supplierId: optionalId('Distributeur inconnu.'),
    supplierAvailabilityCode: z
      .string()
      .optional()
      .transform((value) => value || undefined)
      .pipe(
        z
          .enum(keys(SUPPLIER_AVAILABILITY_CODES), { error: 'Code de disponibilité ONIX (liste 65) inconnu.' })
          .optional(),
      ),
    expectedOn: optionalDay('Date de disponibilité invalide (jj/mm/aaaa).'),
    featured: z
      .literal('oui')
      .optional()
      .transform((value) => value === 'oui'),
    /** A livre scolaire: free price for the State, local authorities, teaching establishments (loi n° 81-766, art. 3). */
    schoolbook: z
      .literal('oui')
      .optional()
      .transform((value) => value === 'oui'),
  })
  .superRefine((form, ctx) => {
    if (form.supplierId !== undefined && form.supplierAvailabilityCode === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['supplierAvailabilityCode'],
        message: 'Indiquez la disponibilité chez ce distributeur.',
      });
    const seen = new Set<string>();
    for (const contributor of form.contributors) {
      const key = `${contributor.name.toLowerCase()}:${contributor.role}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['contributors'],
          message: 'Le même contributeur figure deux fois avec le même rôle.',
        });
      seen.add(key);
    }
  });

export type BookForm = z.infer<typeof BookFormSchema>;

export const NewBookSchema = z.object({ ean: scannedEan });

/** A book's edit form posts a fingerprint of what it showed: a book changed since (by a colleague, a feed) is not overwritten. */
export const BookVersionSchema = z.object({
  ean: scannedEan,
  fingerprint: z.string({ error: 'Le livre a changé : rechargez la page.' }).regex(/^[0-9a-f]{64}$/, {
    error: 'Le livre a changé : rechargez la page.',
  }),
});

export const ContributorSchema = z.object({
  id: optionalId('Auteur inconnu.'),
  name: plainText(150, 'Indiquez le nom tel qu’il est imprimé.'),
  sortName: plainText(150, 'Indiquez le nom pour le classement (Nom, Prénom).'),
  biography: longText(5_000),
});

export const PublisherSchema = z.object({
  id: optionalId('Éditeur inconnu.'),
  name: plainText(150, 'Indiquez le nom de l’éditeur.'),
});

export const CollectionSchema = z.object({
  id: optionalId('Collection inconnue.'),
  name: plainText(150, 'Indiquez le nom de la collection.'),
  publisherId: idField('Choisissez l’éditeur.'),
});

export const ThemeSchema = z.object({
  id: optionalId('Thème inconnu.'),
  name: plainText(120, 'Indiquez le nom du thème.'),
  parentId: optionalId('Thème parent inconnu.'),
  clilCode: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null)
    .pipe(
      z
        .string()
        .regex(/^\d{4}$/, { error: 'Code CLIL : 4 chiffres.' })
        .nullable(),
    ),
  themaCode: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .transform((value) => value || null)
    .pipe(
      z
        .string()
        .regex(/^[A-Z0-9.]{1,16}$/, { error: 'Code Thema : lettres et chiffres (exemple : LNDH).' })
        .nullable(),
    ),
});

const days = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,4}$/, { error: message })
    .transform(Number);

export const SupplierSchema = z
  .object({
    id: optionalId('Distributeur inconnu.'),
    name: plainText(150, 'Indiquez le nom du distributeur.'),
    gln: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || null)
      .pipe(
        z.string().refine(isValidGln, { error: 'GLN invalide : 13 chiffres dont la clé de contrôle GS1.' }).nullable(),
      ),
    leadTimeMinDays: days('Délai en jours ouvrés (0 à 9 999).'),
    leadTimeMaxDays: days('Délai en jours ouvrés (0 à 9 999).'),
    defaultDiscount: z
      .string()
      .trim()
      .optional()
      .transform((value, ctx) => {
        if (!value) return null;
        const basisPoints = parseDiscountPercent(value);
        if (basisPoints === null) {
          ctx.addIssue({ code: 'custom', message: 'Remise en pourcentage entre 0 et 100, par exemple 35.' });
          return z.NEVER;
        }
        return basisPoints;
      }),
    returnOpensAfterDays: days('Un nombre de jours.'),
    returnClosesAfterDays: days('Un nombre de jours.'),
    returnNeedsAuthorization: z
      .literal('oui')
      .optional()
      .transform((value) => value === 'oui'),
  })
  .superRefine((form, ctx) => {
    if (form.leadTimeMaxDays < form.leadTimeMinDays)
      ctx.addIssue({
        code: 'custom',
        path: ['leadTimeMaxDays'],
        message: 'Le délai maximal est inférieur au délai minimal.',
      });
    if (form.returnClosesAfterDays < form.returnOpensAfterDays)
      ctx.addIssue({
        code: 'custom',
        path: ['returnClosesAfterDays'],
        message: 'La fenêtre de retour se ferme avant de s’ouvrir.',
      });
  });

export const CatalogSearchSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});
