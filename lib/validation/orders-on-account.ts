import { z } from 'zod';
import { DeliveryMethodSchema } from '@/lib/pricing/schemas';
import { plainText } from '@/lib/core/plain-text';
import { optionalPhone } from './phone';

// The « Commander sur compte » form of /commande: a buyer of a customer organisation orders for
// it, without a card (docs/decisions/027-orders-on-account.md). The delivery goes to the
// organisation's address; the buyer gives their name, the purchase-order number and, when the
// organisation requires one, the Chorus Pro engagement number.

export const ON_ACCOUNT_FIELDS = [
  'organisationId',
  'fullName',
  'phone',
  'deliveryMethod',
  'purchaseOrderNumber',
  'engagementNumber',
] as const;

const reference = (label: string) =>
  plainText(50)
    .optional()
    .transform((value) => value || null)
    .refine((value) => value === null || /^[\p{L}\p{N} ./_-]+$/u.test(value), {
      error: `${label} : lettres, chiffres, espaces et . / _ - seulement.`,
    });

export const OnAccountFormSchema = z.object({
  organisationId: z.coerce
    .number({ error: 'Choisissez l’organisation.' })
    .int({ error: 'Choisissez l’organisation.' })
    .positive({ error: 'Choisissez l’organisation.' })
    .max(2_147_483_647, { error: 'Choisissez l’organisation.' }),
  fullName: plainText(100, 'Indiquez vos nom et prénom.'),
  phone: optionalPhone,
  deliveryMethod: z.enum(DeliveryMethodSchema.options, { error: 'Choisissez un mode de livraison.' }),
  purchaseOrderNumber: reference('Numéro de bon de commande'),
  engagementNumber: reference('Numéro d’engagement'),
});

export type OnAccountForm = z.infer<typeof OnAccountFormSchema>;
