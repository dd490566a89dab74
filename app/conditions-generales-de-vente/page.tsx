import type { Metadata } from 'next';
import Link from 'next/link';
import { ShippingFeeTable } from '@/components/legal/shipping-fee-table';
import { formatPrice } from '@/lib/core/money';
import { describeShippingTable, LEGAL_MIN_SHIPPING, LEGAL_NOTE_TEXTS } from '@/lib/pricing';
import { LegalGuaranteeBox } from '@/components/legal/legal-guarantee-box';
import { SellerIdentity } from '@/components/legal/seller-identity';
import { TermsComplaints } from '@/components/legal/terms-complaints';
import { TermsOrdering } from '@/components/legal/terms-ordering';
import { TermsWithdrawal } from '@/components/legal/terms-withdrawal';
import { TERMS_VERSION, termsVersionLabel } from '@/lib/terms/version';
import { getShopSettings } from '@/lib/data/staff/shop-settings';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';
import { SHOP } from '@/lib/shop/config';

async function metadata(): Promise<Metadata> {
  const shop = await getShopSettings();
  return {
    title: 'Conditions générales de vente',
    description: `Conditions générales de vente de ${shop.name} : prix, livraison, suivi, droit de rétractation.`,
    alternates: { canonical: '/conditions-generales-de-vente' },
  };
}

export const generateMetadata = whenDatabaseAnswers(metadata);

// Only what the shop does: new books at the publisher's price, no discount,
// individuals, card payment, Colissimo or pickup, the e-mails it sends, the withdrawal as it runs.
// The seller's identity is the shop's settings (Code de la consommation, art. L221-5, R111-1).
async function TermsPage() {
  const shop = await getShopSettings();
  return (
    <>
      <h1>Conditions générales de vente</h1>
      <p>
        {/* The version in force, stored with each order (lib/terms/version.ts). */}
        Conditions en vigueur ({termsVersionLabel(TERMS_VERSION)}).
      </p>
      <p>
        Ces conditions s’appliquent aux commandes passées sur le site de {shop.name}, librairie indépendante, par des
        particuliers, livrées en France métropolitaine, en Corse et à Monaco, ou retirées à la librairie.
      </p>
      <SellerIdentity shop={shop} />

      <h2>Prix</h2>
      <p>Les prix sont indiqués en euros, toutes taxes comprises. La librairie vend des livres neufs.</p>
      <p>{LEGAL_NOTE_TEXTS.FIXED_BOOK_PRICE}</p>
      <p>
        La librairie vend chaque livre au prix fixé par l’éditeur, sans remise, qu’il soit livré ou retiré à la
        librairie.
      </p>
      <p>{LEGAL_NOTE_TEXTS.VAT}</p>

      <TermsOrdering shop={shop} />

      <h2>Livraison et frais de port</h2>
      <p>
        Un livre en stock quitte la librairie sous {SHOP.inStockShipDays} jour ouvré (commande passée avant{' '}
        {shop.orderCutoffHour} h, sinon le jour ouvré suivant) ; un livre commandé chez le distributeur, dans le délai
        indiqué sur sa fiche. Colissimo livre ensuite en {SHOP.transitDays.minDays} à {SHOP.transitDays.maxDays} jours
        ouvrés. Les jours ouvrés excluent les samedis, dimanches et jours fériés. La date de livraison estimée est
        indiquée avant la commande, puis dans la confirmation, ligne par ligne.
      </p>
      <ShippingFeeTable description={describeShippingTable(shop.shippingTable)} />
      <p>
        Frais minimaux imposés par la loi pour les livres neufs livrés :{' '}
        {formatPrice(LEGAL_MIN_SHIPPING.belowThresholdCents)} en dessous de{' '}
        {formatPrice(LEGAL_MIN_SHIPPING.newBookThresholdCents)} d’achat,{' '}
        {formatPrice(LEGAL_MIN_SHIPPING.fromThresholdCents)} à partir de ce montant, par commande (arrêté du 4 avril
        2023).
      </p>

      <h2>Suivi de la commande</h2>
      <p>
        Chaque courriel que nous vous envoyons (confirmation, expédition avec le numéro de suivi du transporteur, mise à
        disposition à la librairie, nouveau délai du distributeur, remboursement) contient un lien personnel vers le
        suivi de votre commande, valable 90 jours après le dernier courriel. Vous pouvez en recevoir un nouveau sur la
        page <Link href="/suivi">Suivre une commande</Link>, avec le numéro de commande et votre adresse e-mail.
      </p>

      <TermsWithdrawal shop={shop} />

      <LegalGuaranteeBox shop={shop} />

      <h2>Commande d’un livre absent du catalogue</h2>
      <p>
        Comme toute librairie, nous commandons gratuitement, à l’unité, tout livre disponible chez son éditeur (loi n°
        81-766 du 10 août 1981, art. 1) : demandez-le à la librairie, par téléphone au {shop.phone} ou à {shop.email},
        avec son titre et son auteur ou son ISBN. Il vous est vendu au prix fixé par l’éditeur.
      </p>

      <TermsComplaints shop={shop} />
    </>
  );
}

export default whenDatabaseAnswers(TermsPage);
