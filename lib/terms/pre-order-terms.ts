import { link, paragraph, type TermsSection } from './terms-document';

/**
 * Pre-orders of forthcoming titles (docs/decisions/023-pre-orders.md): paid at the order, the
 * sale formed then at the price in force (Code civil, art. 1583), cancellable until dispatch, a
 * fall of the publisher's price given back (loi n° 81-766 du 10 août 1981, art. 1: the retailer
 * sells at the price the publisher fixes), a rise not charged.
 */
export function preOrderSection(): TermsSection {
  return {
    id: 'precommandes',
    heading: 'Précommandes',
    blocks: [
      paragraph(
        'Un livre à paraître peut être précommandé : sa fiche indique sa date de parution, annoncée par l’éditeur ou son distributeur, et la date de livraison estimée, comptée à partir de la parution (le délai du distributeur, puis celui du transporteur). La précommande se paie à la commande, comme toute commande ; la vente est conclue au paiement, au prix en vigueur ce jour-là (Code civil, art. 1583).',
      ),
      paragraph(
        'Si le distributeur déplace la date de parution, nous vous écrivons avec la nouvelle date de livraison estimée (courriel « Nouveau délai »).',
      ),
      paragraph(
        'Vous pouvez annuler une précommande tant que ses exemplaires n’ont pas été expédiés ni mis à votre disposition : depuis votre ',
        link('suivi de commande', '/suivi'),
        ', avec « Annuler ma précommande ». Les exemplaires précommandés sont annulés et remboursés aussitôt, sur le moyen de paiement utilisé. Si la commande ne contient rien d’autre, elle est annulée en entier et les frais de livraison sont remboursés aussi (Code de la consommation, art. L221-24, pour une commande annulée en entier) ; sinon, le reste de la commande vous est envoyé comme prévu avec ses frais de livraison. Une fois les livres reçus, le droit de rétractation s’applique comme à toute commande.',
      ),
      paragraph(
        'Prix : la librairie vend chaque livre au prix fixé par l’éditeur (loi n° 81-766 du 10 août 1981, art. 1). Si l’éditeur baisse ce prix avant l’expédition de vos exemplaires précommandés, nous vous remboursons automatiquement la différence pour chaque exemplaire, une seule fois par baisse, et vous en informons par courriel. S’il l’augmente, vous ne payez rien de plus : la vente a été conclue au prix payé.',
      ),
    ],
  };
}
