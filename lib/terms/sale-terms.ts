import { formatPrice } from '@/lib/core/money';
import { describeShippingTable, LEGAL_MIN_SHIPPING, LEGAL_NOTE_TEXTS } from '@/lib/pricing';
import { SHOP } from '@/lib/shop/config';
import type { ShopSettings } from '@/lib/shop/settings';
import { link, paragraph, type TermsBlock, type TermsSection } from './terms-document';

// What is sold and how it travels: the fixed price (loi n° 81-766, art. 1), delivery and its fee
// per order (arrêté du 4 avril 2023, art. 1), tracking, and the free single-copy ordering service.

export function pricesSection(): TermsSection {
  return {
    id: 'prix',
    heading: 'Prix',
    blocks: [
      paragraph('Les prix sont indiqués en euros, toutes taxes comprises. La librairie vend des livres neufs.'),
      paragraph(LEGAL_NOTE_TEXTS.FIXED_BOOK_PRICE),
      paragraph(
        'La librairie vend chaque livre au prix fixé par l’éditeur, sans remise, qu’il soit livré ou retiré à la librairie.',
      ),
      paragraph(LEGAL_NOTE_TEXTS.VAT),
    ],
  };
}

export function deliverySection(shop: Pick<ShopSettings, 'orderCutoffHour' | 'shippingTable'>): TermsSection {
  const fees = describeShippingTable(shop.shippingTable);
  const tables: TermsBlock[] = fees.sections.map((section) => ({
    type: 'table',
    caption: section.label,
    head: ['Montant de la commande', 'Frais de livraison TTC'],
    rows: section.rows.map((row) => [row.range, row.fee] as [string, string]),
  }));
  return {
    id: 'livraison',
    heading: 'Livraison et frais de port',
    blocks: [
      paragraph(
        `Un livre en stock quitte la librairie sous ${SHOP.inStockShipDays} jour ouvré (commande passée avant ${shop.orderCutoffHour} h, sinon le jour ouvré suivant) ; un livre commandé chez le distributeur, dans le délai indiqué sur sa fiche. Colissimo livre ensuite en ${SHOP.transitDays.minDays} à ${SHOP.transitDays.maxDays} jours ouvrés. Les jours ouvrés excluent les samedis, dimanches et jours fériés. La date de livraison estimée est indiquée avant la commande, puis dans la confirmation, ligne par ligne.`,
      ),
      ...tables,
      paragraph(fees.legalNote),
      paragraph(
        `Frais minimaux imposés par la loi pour les livres neufs livrés : ${formatPrice(LEGAL_MIN_SHIPPING.belowThresholdCents)} en dessous de ${formatPrice(LEGAL_MIN_SHIPPING.newBookThresholdCents)} d’achat, ${formatPrice(LEGAL_MIN_SHIPPING.fromThresholdCents)} à partir de ce montant, par commande (arrêté du 4 avril 2023).`,
      ),
    ],
  };
}

export function trackingSection(): TermsSection {
  return {
    id: 'suivi',
    heading: 'Suivi de la commande',
    blocks: [
      paragraph(
        'Chaque courriel que nous vous envoyons (confirmation, expédition avec le numéro de suivi du transporteur, mise à disposition à la librairie, nouveau délai du distributeur, remboursement) contient un lien personnel vers le suivi de votre commande, valable 90 jours après le dernier courriel. Vous pouvez en recevoir un nouveau sur la page ',
        link('Suivre une commande', '/suivi'),
        ', avec le numéro de commande et votre adresse e-mail.',
      ),
    ],
  };
}

/** Any bookshop orders any book its publisher still supplies, one copy if asked, for free (loi n° 81-766, art. 1). */
export function singleCopySection(shop: Pick<ShopSettings, 'phone' | 'email'>): TermsSection {
  return {
    id: 'commande-a-l-unite',
    heading: 'Commande d’un livre absent du catalogue',
    blocks: [
      paragraph(
        'Comme toute librairie, nous commandons gratuitement, à l’unité, tout livre disponible chez son éditeur (loi n° 81-766 du 10 août 1981, art. 1) : demandez-le avec le formulaire ',
        link('Commander un livre absent du catalogue', '/commander-un-livre'),
        `, à la librairie, par téléphone au ${shop.phone} ou à ${shop.email}, avec son titre et son auteur ou son ISBN. Nous vous répondons par courriel avec son prix et son délai ; il vous est vendu au prix fixé par l’éditeur, sans frais de commande.`,
      ),
    ],
  };
}
