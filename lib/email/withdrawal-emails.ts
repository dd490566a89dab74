import { formatDateAtTime } from '@/lib/core/date-time';
import type { Block } from './blocks';
import type { EmailOrder, EmailPayload } from './payload';
import { postalAddress, type ShopIdentity } from '@/lib/shop/shop-identity';
import { type EmailContent, type EmailLinks, formatDay, hello, orderedOn, trackingButton } from './template-parts';
import { formatCopies } from '@/lib/core/copies';

// The e-mails of the withdrawal function (Code de la consommation, art. L221-21 and D221-5): the
// link that opens a declaration, and the acknowledgement of a declaration on a durable medium.

/** Asked at /retractation ("Renoncer au contrat ici"): the link opens the declaration (art. L221-21, D221-5). */
export function withdrawalLink(order: EmailOrder, links: EmailLinks): EmailContent {
  const withdrawalUrl = links.trackingUrl ? `${links.trackingUrl}/retractation` : null;
  return {
    subject: `Votre lien pour renoncer à la commande ${order.reference}`,
    preheader: 'Le lien personnel qui ouvre votre déclaration de rétractation.',
    blocks: [
      { type: 'heading', text: 'Renoncer au contrat' },
      hello(order),
      {
        type: 'paragraph',
        text: `Vous avez demandé à vous rétracter de votre commande n° ${order.reference} du ${orderedOn(order)}. Ce lien ouvre votre déclaration : vous choisissez les livres, puis vous confirmez la rétractation.`,
      },
      ...(withdrawalUrl
        ? [{ type: 'button', label: 'Renoncer au contrat ici', url: withdrawalUrl } satisfies Block]
        : []),
      {
        type: 'small',
        text: 'Si vous n’avez rien demandé, ignorez ce courriel : rien n’est enregistré sans votre confirmation.',
      },
    ],
  };
}

export function withdrawalReceived(
  payload: Extract<EmailPayload, { kind: 'withdrawal_received' }>,
  shop: ShopIdentity,
  links: EmailLinks,
): EmailContent {
  const { order, withdrawal } = payload;
  return {
    subject: `Accusé de réception de votre rétractation (commande ${order.reference})`,
    preheader: `Remboursement au plus tard le ${formatDay(withdrawal.refundBy)}.`,
    blocks: [
      { type: 'heading', text: 'Votre rétractation est enregistrée' },
      hello(order),
      {
        type: 'paragraph',
        // Art. L221-21 and D221-5: an acknowledgement of a withdrawal declared online, without
        // delay, on a durable medium, with the declaration's content and the date and time it was sent.
        text: `Nous accusons réception de la rétractation que vous nous avez envoyée le ${formatDateAtTime(new Date(withdrawal.declaredAt))} (heure de Paris)${withdrawal.declarantName ? `, au nom de ${withdrawal.declarantName}` : ''} (Code de la consommation, art. L221-21), pour ${withdrawal.wholeOrder ? 'toute la commande' : 'une partie de la commande'} n° ${order.reference} :`,
      },
      { type: 'list', items: withdrawal.lines.map((line) => `${line.title} : ${formatCopies(line.quantity)}`) },
      ...(withdrawal.reason
        ? [{ type: 'paragraph', text: `Motif indiqué : ${withdrawal.reason}` } satisfies Block]
        : []),
      withdrawal.booksLeftShop
        ? {
            type: 'paragraph',
            text: `Renvoyez-nous ces livres à ${shop.legalName}, ${postalAddress(shop)}, au plus tard quatorze jours après votre déclaration ; les frais de retour sont à votre charge (art. L221-23). Nous pouvons attendre d’avoir reçu les livres, ou la preuve de leur envoi, pour vous rembourser (art. L221-24).`,
          }
        : {
            type: 'paragraph',
            text: 'Ces livres n’avaient pas encore quitté la librairie : vous n’avez rien à nous renvoyer.',
          },
      {
        type: 'paragraph',
        text: `Nous vous rembourserons au plus tard le ${formatDay(withdrawal.refundBy)}, frais de livraison standard compris pour une rétractation de toute la commande, sur le moyen de paiement utilisé (art. L221-24).`,
      },
      ...trackingButton(links),
    ],
  };
}
