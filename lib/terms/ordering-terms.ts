import { PAY_BUTTON_LABEL } from '@/lib/pricing';
import { SHOP } from '@/lib/shop/config';
import type { ShopIdentity } from '@/lib/shop/shop-identity';
import { paragraph, type TermsSection } from './terms-document';

/**
 * How the contract is concluded online: the steps, how to correct what was typed, the language,
 * the archiving and how to reach it (Code civil, art. 1127-1; Code de la consommation, art.
 * L221-14 for the button; L213-1, D213-1 and D213-2 for the archiving).
 */
export function orderingSection(shop: ShopIdentity): TermsSection {
  return {
    id: 'commande',
    heading: 'Commande et paiement',
    blocks: [
      paragraph('La commande se passe en quatre étapes :'),
      {
        type: 'list',
        ordered: true,
        items: [
          'vous ajoutez les livres à votre panier, dont vous pouvez changer les quantités ou retirer des livres ;',
          'vous indiquez vos coordonnées et le mode de livraison ; le récapitulatif de la commande (livres, frais de livraison, total TTC) s’affiche au-dessus du bouton ;',
          `vous validez la commande avec le bouton « ${PAY_BUTTON_LABEL} » (Code de la consommation, art. L221-14) ;`,
          'vous payez par carte bancaire sur la page de paiement sécurisée de notre prestataire Stripe. La commande est conclue quand le paiement est accepté.',
        ],
      },
      paragraph(
        'Dès le paiement reçu, nous vous envoyons par courriel la confirmation de la commande : livres, prix, TVA, frais de livraison, délai, les conditions du droit de rétractation et son formulaire type (art. L221-13), et le texte complet des présentes conditions, avec leur version. Conservez-la.',
      ),
      paragraph(
        `Jusqu’au paiement, vous pouvez corriger toute erreur de saisie : revenez au panier ou au formulaire de commande avec le bouton « Retour » de votre navigateur ou les liens de la page ; rien n’est débité avant le paiement. Les exemplaires en stock vous sont réservés pendant ${SHOP.holdMinutes} minutes, le temps du paiement ; passé ce délai, la commande n’est pas conclue et rien n’est débité.`,
      ),
      paragraph('Le contrat est conclu en français.'),
      paragraph(
        `Nous archivons chaque commande, avec la version des présentes conditions acceptée, pendant dix ans (Code de la consommation, art. L213-1 ; D213-1 pour le seuil de 120 €, D213-2 pour la durée). Le courriel de confirmation, à conserver, en reprend le contenu et le texte des conditions ; vous pouvez consulter votre commande à tout moment avec le lien de suivi, ou en demander une copie, avec les conditions acceptées, à ${shop.email}.`,
      ),
    ],
  };
}
