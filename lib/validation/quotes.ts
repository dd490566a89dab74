import { z } from 'zod';
import { DeliveryMethodSchema } from '@/lib/pricing/schemas';
import { OnAccountFormSchema } from './orders-on-account';

// The quotes' forms (docs/decisions/030-quotes.md): « Demander un devis » from the cart, and the
// acceptance, by a buyer at /compte/devis/<id> or recorded by staff at /admin/devis/<id>. The
// acceptance asks what an order on account asks (lib/validation/orders-on-account.ts); the
// delivery is the quote's.

export const QUOTE_REQUEST_FIELDS = ['organisationId', 'deliveryMethod'] as const;

export const QuoteRequestSchema = z.object({
  organisationId: OnAccountFormSchema.shape.organisationId,
  deliveryMethod: z.enum(DeliveryMethodSchema.options, { error: 'Choisissez un mode de livraison.' }),
});

export type QuoteRequest = z.infer<typeof QuoteRequestSchema>;

export const QUOTE_ACCEPTANCE_FIELDS = [
  'quoteId',
  'fullName',
  'phone',
  'purchaseOrderNumber',
  'engagementNumber',
] as const;

export const QuoteAcceptanceSchema = OnAccountFormSchema.pick({
  fullName: true,
  phone: true,
  purchaseOrderNumber: true,
  engagementNumber: true,
}).extend({
  quoteId: z.coerce.number({ error: 'Devis introuvable.' }).int().positive().max(2_147_483_647),
});

export type QuoteAcceptance = z.infer<typeof QuoteAcceptanceSchema>;

export const QuoteQuerySchema = z.object({
  q: z.string().trim().max(120).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
