import type { ShopSettings } from '@/lib/shop/settings';
import { complaintsSection } from './complaints-terms';
import { legalGuaranteeSection } from './legal-guarantee';
import { orderingSection } from './ordering-terms';
import { preOrderSection } from './pre-order-terms';
import { deliverySection, pricesSection, singleCopySection, trackingSection } from './sale-terms';
import { sellerSection } from './seller-terms';
import type { TermsDocument } from './terms-document';
import { TERMS_VERSION } from './version';
import { withdrawalSection } from './withdrawal-terms';

/**
 * The terms in force, filled in with the shop's settings: what the page shows and what an order's
 * confirmation carries. Only what the shop does: new books at the publisher's price, no discount,
 * individuals, card payment, Colissimo or pickup, the e-mails it sends, the withdrawal as it runs.
 */
export function currentTerms(shop: ShopSettings): TermsDocument {
  return {
    version: TERMS_VERSION,
    intro: [
      {
        type: 'paragraph',
        parts: [
          `Ces conditions s’appliquent aux commandes passées sur le site de ${shop.name}, librairie indépendante, par des particuliers, livrées en France métropolitaine, en Corse et à Monaco, ou retirées à la librairie.`,
        ],
      },
    ],
    sections: [
      sellerSection(shop),
      pricesSection(),
      orderingSection(shop),
      preOrderSection(),
      deliverySection(shop),
      trackingSection(),
      withdrawalSection(shop),
      legalGuaranteeSection(shop),
      singleCopySection(shop),
      complaintsSection(shop),
    ],
  };
}
