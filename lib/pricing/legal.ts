// Legal constants and the French wording shown to customers. One place, so the cart,
// checkout, e-mails and terms page quote the same figures and the same articles.
import { formatPrice } from '@/lib/core/money';

/** Rates and discounts are integers in basis points: 10 000 = 100 %, 550 = 5,5 %, 500 = 5 %. */
export const BASIS_POINTS_PER_UNIT = 10_000;

/**
 * Prix unique du livre: a new book sells between 95 % and 100 % of the publisher's price.
 * Loi n° 81-766 du 10 août 1981, art. 1, al. 2 — https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000517179
 */
export const MAX_RETAIL_DISCOUNT_BASIS_POINTS = 500;

/**
 * Institutions buying for their own needs (State, local authorities, schools, libraries open
 * to the public) may pay between 91 % and 100 %. Loi n° 81-766, art. 3.
 */
export const MAX_INSTITUTION_DISCOUNT_BASIS_POINTS = 900;

/**
 * Minimum delivery fee for new books, incl. VAT. Loi n° 81-766, art. 1, al. 4 (as amended by
 * loi n° 2021-1901 du 30 décembre 2021), arrêté du 4 avril 2023 (NOR MICE2228102A), in force
 * 7 October 2023: 3 € below 35 € of new books, "plus que 0 €" (i.e. 0,01 €) from 35 €.
 */
export const LEGAL_MIN_SHIPPING = {
  newBookThresholdCents: 3_500,
  belowThresholdCents: 300,
  fromThresholdCents: 1,
} as const;

/**
 * French VAT rates accepted on a line, in basis points. Books are at 5,5 % (CGI art. 278-0 bis A);
 * 2,1 % and 8,5 % exist in overseas departments (CGI art. 296), 10 % and 20 % for other goods.
 * A whitelist catches unit mistakes (55 or 5.5 for 5,5 %).
 */
export const SUPPORTED_VAT_RATES_BASIS_POINTS = [0, 210, 550, 850, 1_000, 2_000] as const;
export const BOOK_VAT_RATE_BASIS_POINTS = 550;

// --- Order page wording (Code de la consommation) -----------------------------------------

/** Code de la consommation, art. L221-14: the button must say the order implies payment. */
export const PAY_BUTTON_LABEL = 'Commander avec obligation de paiement';

/** Code de la consommation, art. L221-18: 14 days from receipt of the goods, no reason needed. */
export const WITHDRAWAL_RIGHT_NOTICE =
  'Vous disposez d’un délai de quatorze jours à compter de la réception de votre commande pour exercer votre droit de rétractation, sans avoir à motiver votre décision (Code de la consommation, art. L221-18).';

/** Code de la consommation, art. L221-24: refund within 14 days, standard delivery included. */
export const WITHDRAWAL_REFUND_NOTICE =
  'En cas de rétractation, nous vous remboursons la totalité des sommes versées, y compris les frais de livraison standard, au plus tard quatorze jours après avoir été informés de votre décision (Code de la consommation, art. L221-24).';

// --- Notes attached to a priced order ----------------------------------------------------

export type LegalNoteCode =
  | 'FIXED_BOOK_PRICE'
  | 'INSTITUTION_DISCOUNT'
  | 'SHIPPED_BOOKS_FULL_PRICE'
  | 'DISCOUNT_MOVED_TO_SHIPPING'
  | 'MIN_SHIPPING_FEE'
  | 'SHOP_PICKUP'
  | 'USED_BOOKS'
  | 'VAT';

export type LegalNote = { code: LegalNoteCode; text: string };

export const LEGAL_NOTE_TEXTS = {
  FIXED_BOOK_PRICE:
    'Prix unique du livre : le prix des livres neufs est fixé par l’éditeur ; la remise ne peut dépasser 5 % de ce prix (loi n° 81-766 du 10 août 1981, art. 1).',
  INSTITUTION_DISCOUNT:
    'Achat pour les besoins propres d’une collectivité, d’un établissement d’enseignement ou d’une bibliothèque : remise jusqu’à 9 % du prix fixé par l’éditeur (loi n° 81-766 du 10 août 1981, art. 3).',
  SHIPPED_BOOKS_FULL_PRICE:
    'Livres expédiés : les livres neufs livrés sont vendus au prix fixé par l’éditeur ; la remise de 5 % ne peut porter que sur les frais de livraison, qui ne peuvent être gratuits (loi n° 2014-779 du 8 juillet 2014).',
  MIN_SHIPPING_FEE: `Frais de livraison minimaux (loi n° 2021-1901 du 30 décembre 2021, arrêté du 4 avril 2023) : ${formatPrice(LEGAL_MIN_SHIPPING.belowThresholdCents)} TTC pour une commande de livres neufs inférieure à ${formatPrice(LEGAL_MIN_SHIPPING.newBookThresholdCents)}, ${formatPrice(LEGAL_MIN_SHIPPING.fromThresholdCents)} TTC à partir de ${formatPrice(LEGAL_MIN_SHIPPING.newBookThresholdCents)}. Ce minimum vaut pour la commande, quel que soit le nombre de colis.`,
  SHOP_PICKUP:
    'Retrait en librairie : la remise de 5 % sur les livres neufs est permise et le retrait est gratuit (loi n° 81-766 du 10 août 1981, art. 1).',
  USED_BOOKS:
    'Livres d’occasion : ils ne relèvent pas du prix unique du livre ; leur prix est fixé librement par la librairie.',
  VAT: 'TVA à 5,5 % sur les livres (CGI, art. 278-0 bis A). Les frais de livraison suivent le taux des biens livrés, au prorata de leur montant hors taxes (BOFiP TVA-BASE-10-10-10).',
} as const satisfies Record<Exclude<LegalNoteCode, 'DISCOUNT_MOVED_TO_SHIPPING'>, string>;

export function discountMovedToShippingNote(discountCents: number): LegalNote {
  return {
    code: 'DISCOUNT_MOVED_TO_SHIPPING',
    text: `Votre remise de ${formatPrice(discountCents)} porte sur les frais de livraison, les livres neufs expédiés étant vendus au prix fixé par l’éditeur (loi n° 2014-779 du 8 juillet 2014).`,
  };
}
