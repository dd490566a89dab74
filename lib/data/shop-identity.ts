import 'server-only';
import type { ShopIdentity } from '@/lib/email/shop-identity';
import { SHOP } from '@/lib/shop/config';

// The one place the shop's identity is read, for its e-mails, its tracking pages and its terms.
// Until the shop's settings hold them (issue 8, point 9: the name, address and legal identity move
// to the database), the name comes from lib/shop/config.ts and the rest from the demo values below;
// at that merge only this function changes.
const DEMO_LEGAL_IDENTITY = {
  legalName: `${SHOP.name} SAS`,
  streetAddress: '2 place de la Sorbonne',
  postalCode: '75005',
  city: 'Paris',
  email: 'contact@librairie-des-facultes.example',
  phone: '01 43 25 00 00',
  registration: 'RCS Paris 901 234 567',
  vatNumber: 'FR12901234567',
} as const;

export async function getShopIdentity(): Promise<ShopIdentity> {
  return { name: SHOP.name, ...DEMO_LEGAL_IDENTITY };
}
