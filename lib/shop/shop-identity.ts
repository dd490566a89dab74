import { z } from 'zod';
import type { ShopSettings } from '@/lib/shop/settings';

// Who the shop is, as its e-mails and pages state it: the identity and contact details a seller at
// a distance must give (Code de la consommation, art. L221-5 and L111-1; R111-1 for the list:
// name or company name, registration number, address, phone, e-mail; the mediator, L616-1).
// The values are the shop's settings (lib/data/staff/shop-settings.ts, getShopSettings), the ones the
// header, the footer and the terms page show: an admin edits them at /admin/reglages.
export type ShopIdentity = Pick<
  ShopSettings,
  | 'name'
  | 'legalName'
  | 'addressLine1'
  | 'addressLine2'
  | 'postalCode'
  | 'city'
  | 'email'
  | 'phone'
  | 'siret'
  | 'vatNumber'
  | 'mediatorName'
  | 'mediatorUrl'
>;

export function postalAddress(shop: ShopIdentity): string {
  return [shop.addressLine1, shop.addressLine2, `${shop.postalCode} ${shop.city}`].filter(Boolean).join(', ');
}

/**
 * The identity as it was when an e-mail was owed, kept with it (lib/data/customer-mail/order-emails.ts): the
 * confirmation is the durable medium of art. L221-13, so it states the seller of the contract,
 * not whatever the settings say when the worker sends it.
 */
export const ShopIdentitySchema = z.object({
  name: z.string(),
  legalName: z.string(),
  addressLine1: z.string(),
  addressLine2: z.string().nullable(),
  postalCode: z.string(),
  city: z.string(),
  email: z.string(),
  phone: z.string(),
  siret: z.string(),
  vatNumber: z.string(),
  mediatorName: z.string(),
  mediatorUrl: z.string(),
}) satisfies z.ZodType<ShopIdentity>;

export function shopIdentityOf(settings: ShopIdentity): ShopIdentity {
  return ShopIdentitySchema.parse(settings);
}
