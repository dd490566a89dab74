import type { ShopIdentity } from '@/lib/shop/shop-identity';
import { link, paragraph, type TermsSection } from './terms-document';

/**
 * Who sells: the identity the seller must give before the contract and on its site (Code de la
 * consommation, art. L221-5 and L111-1, R111-1; loi n° 2004-575, art. 19), as the admin set it.
 */
export function sellerSection(shop: ShopIdentity): TermsSection {
  return {
    id: 'vendeur',
    heading: 'Vendeur',
    blocks: [
      {
        type: 'address',
        lines: [
          shop.legalName,
          shop.addressLine1,
          ...(shop.addressLine2 ? [shop.addressLine2] : []),
          `${shop.postalCode} ${shop.city}`,
          `${shop.email} — ${shop.phone}`,
        ],
      },
      paragraph(`SIRET ${shop.siret} — TVA intracommunautaire ${shop.vatNumber}`),
    ],
  };
}

/** Where to write: the shop's address as a mailto: link. */
export function mailLink(shop: Pick<ShopIdentity, 'email'>) {
  return link(shop.email, `mailto:${shop.email}`);
}
