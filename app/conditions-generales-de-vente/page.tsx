import type { Metadata } from 'next';
import { ShippingFeeTable } from '@/components/legal/shipping-fee-table';
import {
  describeShippingTable,
  LEGAL_NOTE_TEXTS,
  PAY_BUTTON_LABEL,
  WITHDRAWAL_REFUND_NOTICE,
  WITHDRAWAL_RIGHT_NOTICE,
} from '@/lib/pricing';
import { SellerIdentity } from '@/components/legal/seller-identity';
import { getShopSettings } from '@/lib/data/shop-settings';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';

async function metadata(): Promise<Metadata> {
  const shop = await getShopSettings();
  return {
    title: 'Conditions générales de vente',
    description: `Conditions générales de vente de ${shop.name} : prix, livraison, droit de rétractation.`,
    alternates: { canonical: '/conditions-generales-de-vente' },
  };
}

export const generateMetadata = whenDatabaseAnswers(metadata);

async function TermsPage() {
  const shop = await getShopSettings();
  return (
    <>
      <h1>Conditions générales de vente</h1>
      <p>
        Les présentes conditions s’appliquent aux commandes passées sur le site de {shop.name}, librairie indépendante,
        par des particuliers et des établissements.
      </p>
      <SellerIdentity shop={shop} />

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
      <ShippingFeeTable description={describeShippingTable(shop.shippingTable)} />

      <h2>Droit de rétractation</h2>
      <p>{WITHDRAWAL_RIGHT_NOTICE}</p>
      <p>{WITHDRAWAL_REFUND_NOTICE}</p>

      <h2>Médiation</h2>
      <p>
        En cas de litige, après une réclamation écrite restée sans réponse satisfaisante, vous pouvez recourir
        gratuitement au médiateur de la consommation dont relève la librairie (Code de la consommation, art. L612-1) :{' '}
        <a href={shop.mediatorUrl}>{shop.mediatorName}</a>.
      </p>
    </>
  );
}

export default whenDatabaseAnswers(TermsPage);
