import type { ShopSettings } from '@/lib/shop/settings';

// Who the shop is, as its e-mails and pages state it: the identity and contact details a seller at
// a distance must give (Code de la consommation, art. L221-5 and L111-1; R111-1 for the list:
// name or company name, registration number, address, phone, e-mail; the mediator, L616-1).
// The values are the shop's settings (lib/data/shop-settings.ts, getShopSettings), the ones the
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
