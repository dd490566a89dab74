import type { Metadata } from 'next';
import Link from 'next/link';
import { ShippingFeeTable } from '@/components/legal/shipping-fee-table';
import { formatPrice } from '@/lib/core/money';
import {
  describeShippingTable,
  LEGAL_MIN_SHIPPING,
  LEGAL_NOTE_TEXTS,
  PAY_BUTTON_LABEL,
  WITHDRAWAL_REFUND_NOTICE,
  WITHDRAWAL_RIGHT_NOTICE,
} from '@/lib/pricing';
import { SellerIdentity } from '@/components/legal/seller-identity';
import { getShopSettings } from '@/lib/data/staff/shop-settings';
import { postalAddress } from '@/lib/email/shop-identity';
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

      <h2>Commande et paiement</h2>
      <p>
        La commande est passée par le bouton « {PAY_BUTTON_LABEL} » (Code de la consommation, art. L221-14), puis payée
        par carte bancaire sur la page de paiement sécurisée de notre prestataire Stripe. Les exemplaires en stock vous
        sont réservés pendant {SHOP.holdMinutes} minutes, le temps du paiement ; passé ce délai, la commande n’est pas
        conclue et rien n’est débité.
      </p>
      <p>
        Dès le paiement reçu, nous vous envoyons par courriel la confirmation de la commande : livres, prix, TVA, frais
        de livraison, délai, les conditions du droit de rétractation et son formulaire type (art. L221-13).
        Conservez-la.
      </p>

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
        {formatPrice(LEGAL_MIN_SHIPPING.fromThresholdCents)} au-delà, par commande (arrêté du 4 avril 2023).
      </p>

      <h2>Suivi de la commande</h2>
      <p>
        Chaque courriel que nous vous envoyons (confirmation, expédition avec le numéro de suivi du transporteur, mise à
        disposition à la librairie, nouveau délai du distributeur, remboursement) contient un lien personnel vers le
        suivi de votre commande, valable 90 jours après le dernier courriel. Vous pouvez en recevoir un nouveau sur la
        page <Link href="/suivi">Suivre une commande</Link>, avec le numéro de commande et votre adresse e-mail.
      </p>

      <h2 id="retractation">Droit de rétractation</h2>
      <p>{WITHDRAWAL_RIGHT_NOTICE}</p>
      <p>
        {/* Art. L221-5 and R221-3 (notice rewritten by décret n° 2026-3, art. 7): where the withdrawal function is. */}
        Vous pouvez exercer votre droit de rétractation en ligne avec le lien « Renoncer au contrat ici », en bas de
        chaque page du site (<Link href="/retractation">page Renoncer au contrat</Link>) et sur la page de suivi de
        votre commande : vous indiquez le numéro de commande et votre adresse e-mail, nous vous envoyons le lien qui
        ouvre votre déclaration, puis vous la validez avec « Confirmer la rétractation ». Nous vous envoyons alors, dans
        les meilleurs délais, un accusé de réception par courriel, avec le contenu de votre déclaration ainsi que la
        date et l’heure de son envoi. Vous pouvez aussi nous adresser le formulaire de rétractation joint à la
        confirmation, ou toute autre déclaration dénuée d’ambiguïté, à {shop.legalName}, {postalAddress(shop)}, ou à{' '}
        {shop.email}. Renvoyez-nous ensuite les livres au plus tard quatorze jours après votre déclaration ; les frais
        de retour sont à votre charge (art. L221-23).
      </p>
      <p>{WITHDRAWAL_REFUND_NOTICE}</p>
      <p>
        Nous remboursons avec le moyen de paiement utilisé pour la commande, et pouvons attendre d’avoir reçu les
        livres, ou la preuve de leur envoi, pour le faire (art. L221-24).
      </p>

      <h2>Garanties légales</h2>
      <p>
        Les livres bénéficient de la garantie légale de conformité (Code de la consommation, art. L217-3 et suivants) et
        de la garantie des vices cachés (Code civil, art. 1641 et suivants). Un livre abîmé ou non conforme est remplacé
        ou remboursé : écrivez-nous à {shop.email}.
      </p>

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
