import { z } from 'zod';
import { plainText } from '@/lib/core/plain-text';
import { formatRate } from '@/lib/core/rate';
import { isValidOrganisationSiret, isValidOrganisationVatNumber } from '@/lib/organisations/identifiers';
import { checkPaymentTerm, MAX_BUSINESS_PAYMENT_TERM_DAYS } from '@/lib/organisations/payment-terms';
import { checkNegotiatedDiscounts, ORGANISATION_KINDS } from '@/lib/pricing';

// The customer organisation form (/admin/clients): docs/decisions/025-customer-organisations.md.

/** At most this many people may order for one organisation (a sanity limit, not a rule). */
export const MAX_ORGANISATION_BUYERS = 50;

const POSTAL_CODE = /^\d{5}$/;

/** "9", "8,5" or "12.25" (%) → basis points, in integers: 900, 850, 1225. */
export function percentToBasisPoints(value: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(value.trim());
  if (!match) return null;
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return basisPoints <= 10_000 ? basisPoints : null;
}

/** 900 → "9", 850 → "8,5": the form's text for a stored rate. */
export function basisPointsToPercent(basisPoints: number): string {
  return formatRate(basisPoints).replace(/\u00a0%$/, '');
}

const percent = (message: string) =>
  z.string({ error: message }).transform((value, ctx) => {
    const basisPoints = percentToBasisPoints(value === '' ? '0' : value);
    if (basisPoints === null) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return basisPoints;
  });

const optionalPercent = (message: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value?.trim()) return null;
      const basisPoints = percentToBasisPoints(value);
      if (basisPoints === null) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return basisPoints;
    });

const optionalText = (max: number) =>
  plainText(max)
    .optional()
    .transform((value) => value || null);

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === 'on');

/** The buyers' e-mails: one per line (commas and semicolons also separate), lower-cased, each once. */
const buyerEmails = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const emails = [
      ...new Set(
        (value ?? '')
          .split(/[\s,;]+/)
          .map((email) => email.trim().toLowerCase())
          .filter(Boolean),
      ),
    ];
    const wrong = emails.find((email) => !z.email().max(254).safeParse(email).success);
    if (wrong) {
      ctx.addIssue({ code: 'custom', message: `Adresse e-mail invalide : « ${wrong.slice(0, 80)} ».` });
      return z.NEVER;
    }
    if (emails.length > MAX_ORGANISATION_BUYERS) {
      ctx.addIssue({ code: 'custom', message: `${MAX_ORGANISATION_BUYERS} acheteurs au plus.` });
      return z.NEVER;
    }
    return emails;
  });

export const OrganisationFormSchema = z
  .object({
    name: plainText(120, 'Indiquez le nom de l’organisation.'),
    siret: z
      .string({ error: 'Indiquez le SIRET.' })
      .transform((value) => value.replace(/\s/g, ''))
      .refine(isValidOrganisationSiret, {
        error: 'SIRET invalide : 14 chiffres dont le dernier est une clé de contrôle.',
      }),
    vatNumber: z
      .string()
      .optional()
      .transform((value) => value?.replace(/\s/g, '').toUpperCase() || null),
    kind: z.enum(ORGANISATION_KINDS, { error: 'Choisissez le type d’organisation.' }),
    publicBuyer: checkbox,
    chorusServiceCode: optionalText(100),
    engagementNumberRequired: checkbox,
    monthlyStatement: checkbox,
    paymentTermDays: z
      .string({ error: 'Indiquez le délai de paiement en jours.' })
      .trim()
      .regex(/^\d{1,3}$/, { error: 'Délai de paiement : un nombre entier de jours.' })
      .transform(Number)
      .pipe(z.number().max(MAX_BUSINESS_PAYMENT_TERM_DAYS * 10, { error: 'Délai de paiement trop long.' })),
    discount: percent('Remise : un pourcentage, par exemple 9 ou 8,5.'),
    schoolbookDiscount: optionalPercent('Remise sur les livres scolaires : un pourcentage, par exemple 15.'),
    billingEmail: z
      .string({ error: 'Indiquez l’adresse e-mail de facturation.' })
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: 'Adresse e-mail de facturation invalide.' }).max(254)),
    billingLine1: plainText(120, 'Indiquez l’adresse de facturation.'),
    billingLine2: optionalText(120),
    billingPostalCode: plainText(10, 'Indiquez le code postal de facturation.').refine(
      (value) => POSTAL_CODE.test(value),
      { error: 'Code postal de facturation : 5 chiffres.' },
    ),
    billingCity: plainText(80, 'Indiquez la ville de facturation.'),
    deliveryLine1: optionalText(120),
    deliveryLine2: optionalText(120),
    deliveryPostalCode: optionalText(10),
    deliveryCity: optionalText(80),
    buyers: buyerEmails,
  })
  .superRefine((form, ctx) => {
    if (form.vatNumber && !isValidOrganisationVatNumber(form.vatNumber, form.siret)) {
      ctx.addIssue({
        code: 'custom',
        path: ['vatNumber'],
        message: 'Numéro de TVA invalide : FR, une clé à 2 chiffres et le SIREN (les 9 premiers chiffres du SIRET).',
      });
    }
    const discounts = checkNegotiatedDiscounts(form.kind, {
      discountBasisPoints: form.discount,
      schoolbookDiscountBasisPoints: form.schoolbookDiscount,
    });
    if (!discounts.ok) {
      const field = discounts.code === 'SCHOOLBOOK_DISCOUNT_NOT_ALLOWED' ? 'schoolbookDiscount' : 'discount';
      ctx.addIssue({ code: 'custom', path: [field], message: discounts.message });
    }
    const term = checkPaymentTerm(form.paymentTermDays, form.publicBuyer, form.monthlyStatement);
    if (!term.ok) ctx.addIssue({ code: 'custom', path: ['paymentTermDays'], message: term.message });
    const delivery = [form.deliveryLine1, form.deliveryPostalCode, form.deliveryCity];
    if (delivery.some(Boolean) && !delivery.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['deliveryLine1'],
        message:
          'Adresse de livraison : l’adresse, le code postal et la ville, ou rien (livraison à l’adresse de facturation).',
      });
    } else if (form.deliveryPostalCode && !POSTAL_CODE.test(form.deliveryPostalCode)) {
      ctx.addIssue({ code: 'custom', path: ['deliveryPostalCode'], message: 'Code postal de livraison : 5 chiffres.' });
    }
  })
  .transform((form) => ({
    name: form.name,
    siret: form.siret,
    vatNumber: form.vatNumber,
    kind: form.kind,
    publicBuyer: form.publicBuyer,
    // Chorus Pro is for public buyers only (Code de la commande publique, L2192-1 ff.).
    chorusServiceCode: form.publicBuyer ? form.chorusServiceCode : null,
    engagementNumberRequired: form.publicBuyer && form.engagementNumberRequired,
    paymentTermDays: form.paymentTermDays,
    monthlyStatement: form.monthlyStatement,
    discountBasisPoints: form.discount,
    schoolbookDiscountBasisPoints: form.schoolbookDiscount,
    billingEmail: form.billingEmail,
    billingLine1: form.billingLine1,
    billingLine2: form.billingLine2,
    billingPostalCode: form.billingPostalCode,
    billingCity: form.billingCity,
    deliveryLine1: form.deliveryLine1,
    deliveryLine2: form.deliveryLine1 ? form.deliveryLine2 : null,
    deliveryPostalCode: form.deliveryPostalCode,
    deliveryCity: form.deliveryCity,
    buyerEmails: form.buyers,
  }));

export type OrganisationInput = z.output<typeof OrganisationFormSchema>;

/** The edit form's identity: which organisation, as of which version. */
export const OrganisationIdSchema = z.object({
  id: z.coerce
    .number({ error: 'Organisation inconnue.' })
    .int()
    .positive({ error: 'Organisation inconnue.' })
    .max(2_147_483_647, { error: 'Organisation inconnue.' }),
});

export const OrganisationVersionSchema = OrganisationIdSchema.extend({
  version: z.coerce.number({ error: 'Formulaire invalide.' }).int().min(1, { error: 'Formulaire invalide.' }),
});

/** /admin/clients?q=…&page=N */
export const OrganisationQuerySchema = z.object({
  q: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .replace(/[\u0000-\u001F\u007F]/g, '')
        .trim()
        .slice(0, 100),
    ),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
