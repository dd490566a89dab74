import { WITHDRAWAL_REFUND_NOTICE, WITHDRAWAL_RIGHT_NOTICE } from '@/lib/pricing';
import { postalAddress, type ShopIdentity } from '@/lib/shop/shop-identity';
import { link, paragraph, type TermsSection } from './terms-document';
import { WITHDRAWAL_FORM_TITLE, withdrawalFormLines } from './withdrawal-form';

/**
 * The right of withdrawal as the shop runs it: the period (art. L221-18, L221-19), the withdrawal
 * function and its acknowledgement (art. L221-21, D221-5; the notice of art. R221-3 as rewritten
 * by décret n° 2026-3, art. 7), the return of the books at the customer's cost (art. L221-23),
 * the refund (art. L221-24), and the model form (annex to art. R221-1).
 */
export function withdrawalSection(shop: ShopIdentity): TermsSection {
  const address = `${shop.legalName}, ${postalAddress(shop)}`;
  return {
    id: 'retractation',
    heading: 'Droit de rétractation',
    blocks: [
      paragraph(WITHDRAWAL_RIGHT_NOTICE),
      paragraph(
        'Le délai court à compter du lendemain de la réception des livres (ou de leur retrait à la librairie) et expire le quatorzième jour à minuit, heure de Paris ; s’il expire un samedi, un dimanche ou un jour férié, il est prolongé jusqu’au premier jour ouvrable suivant (art. L221-19). Avant la réception, vous pouvez déjà vous rétracter. Les commandes passées à la librairie même, au comptoir, ne sont pas des contrats à distance : le droit de rétractation ne s’y applique pas. Pour une commande livrée en plusieurs colis, le délai court à compter de la réception du dernier livre (art. L221-18). Pour que le délai de rétractation soit respecté, il suffit que vous transmettiez votre communication relative à l’exercice du droit de rétractation avant l’expiration du délai.',
      ),
      paragraph(
        'Vous pouvez exercer votre droit de rétractation en ligne avec le lien « Renoncer au contrat ici », en bas de chaque page du site (',
        link('page Renoncer au contrat', '/retractation'),
        `), dans le courriel de confirmation et sur la page de suivi de votre commande : vous indiquez le numéro de commande et votre adresse e-mail, nous vous envoyons le lien qui ouvre votre déclaration, vous choisissez les livres, puis vous la validez avec « Confirmer la rétractation ». Si vous utilisez cette fonctionnalité en ligne, nous vous envoyons, dans les meilleurs délais, un accusé de réception de la rétractation sur un support durable (par courriel), y compris son contenu ainsi que la date et l’heure de sa soumission. Vous pouvez aussi nous adresser le formulaire ci-dessous, ou toute autre déclaration dénuée d’ambiguïté, à ${address}, par téléphone au ${shop.phone}, ou à ${shop.email}.`,
      ),
      paragraph(
        `Renvoyez-nous ensuite les livres, sans retard excessif et au plus tard quatorze jours après nous avoir communiqué votre décision, à ${address} ; les frais de retour sont à votre charge (art. L221-23). Les livres qui n’ont pas encore quitté la librairie n’ont pas à être renvoyés. Votre responsabilité n’est engagée qu’à l’égard de la dépréciation des livres résultant de manipulations autres que celles nécessaires pour établir leur nature, leurs caractéristiques et leur bon fonctionnement (art. L221-23).`,
      ),
      paragraph(WITHDRAWAL_REFUND_NOTICE),
      paragraph(
        'Nous remboursons avec le moyen de paiement utilisé pour la commande, sans frais pour vous, et pouvons attendre d’avoir reçu les livres, ou la preuve de leur envoi, pour le faire (art. L221-24).',
      ),
      { type: 'frame', title: WITHDRAWAL_FORM_TITLE, lines: withdrawalFormLines(shop) },
    ],
  };
}
