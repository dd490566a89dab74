import type { Metadata } from 'next';
import { ShippingFeeTable } from '@/components/legal/shipping-fee-table';
import {
  describeShippingTable,
  LEGAL_NOTE_TEXTS,
  PAY_BUTTON_LABEL,
  WITHDRAWAL_REFUND_NOTICE,
  WITHDRAWAL_RIGHT_NOTICE,
} from '@/lib/pricing';
import { SHOP } from '@/lib/shop/config';
import { SHOP_SHIPPING_TABLE } from '@/lib/shop/shipping-config';

export const metadata: Metadata = {
  title: 'Conditions générales de vente',
  description: `Conditions générales de vente de ${SHOP.name} : prix, livraison, droit de rétractation.`,
  alternates: { canonical: '/conditions-generales-de-vente' },
};

export default function TermsPage() {
  return (
    <>
      <h1>Conditions générales de vente</h1>
      <p>
        Les présentes conditions s’appliquent aux commandes passées sur le site de {SHOP.name}, librairie indépendante,
        par des particuliers et des établissements.
      </p>

      <h2>Prix</h2>
      <p>Les prix sont indiqués en euros, toutes taxes comprises.</p>
      <p>{LEGAL_NOTE_TEXTS.FIXED_BOOK_PRICE}</p>
      <p>{LEGAL_NOTE_TEXTS.SHIPPED_BOOKS_FULL_PRICE}</p>
      <p>{LEGAL_NOTE_TEXTS.SHOP_PICKUP}</p>
      <p>{LEGAL_NOTE_TEXTS.INSTITUTION_DISCOUNT}</p>
      <p>{LEGAL_NOTE_TEXTS.USED_BOOKS}</p>
      <p>{LEGAL_NOTE_TEXTS.VAT}</p>

      <h2>Commande</h2>
      <p>
        La commande est validée par le bouton « {PAY_BUTTON_LABEL} » (Code de la consommation, art. L221-14), puis par
        le paiement sécurisé. Un courriel récapitule la commande.
      </p>

      <h2>Livraison et frais de port</h2>
      <p>
        Les livres en stock sont expédiés sous 24 h ouvrées ; les livres commandés chez le distributeur sont expédiés
        dans le délai indiqué sur leur fiche. Les jours ouvrés excluent les samedis, dimanches et jours fériés.
      </p>
      <ShippingFeeTable description={describeShippingTable(SHOP_SHIPPING_TABLE)} />

      <h2>Droit de rétractation</h2>
      <p>{WITHDRAWAL_RIGHT_NOTICE}</p>
      <p>{WITHDRAWAL_REFUND_NOTICE}</p>
    </>
  );
}
