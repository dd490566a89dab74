import { formatPrice } from '@/lib/core/money';
import { ALERT_CONFIRMATION_DAYS } from '@/lib/alerts/availability-alert';
import type { ShopIdentity } from '@/lib/shop/shop-identity';
import type { Block } from './blocks';
import type { EmailAlertBook } from './payload';
import type { EmailContent, EmailLinks } from './template-parts';

// The e-mails of an availability alert ("M'avertir de sa disponibilité"): the address confirmed
// by a link, then one e-mail when the book is in stock, or when it went out of print. Each carries
// the alert's link, which cancels it (and deletes the address): RGPD art. 21 and 7.3, as easy to
// withdraw as to give.

function bookLine(book: EmailAlertBook): string {
  return book.authors ? `« ${book.title} », de ${book.authors}` : `« ${book.title} »`;
}

function cancelBlocks(links: EmailLinks, closed: boolean): Block[] {
  if (!links.alertUrl) return [];
  return [
    {
      type: 'small',
      text: closed
        ? `Cette alerte est close : nous ne vous écrirons plus à son sujet. Pour effacer dès maintenant votre adresse de nos fichiers : ${links.alertUrl}`
        : `Vous ne souhaitez plus être prévenu ? Annulez cette alerte (votre adresse est alors effacée) : ${links.alertUrl}`,
    },
  ];
}

export function availabilityAlertConfirm(book: EmailAlertBook, links: EmailLinks): EmailContent {
  return {
    subject: `Confirmez votre alerte pour « ${book.title} »`,
    preheader: 'Un clic pour être prévenu dès que ce livre est disponible.',
    blocks: [
      { type: 'heading', text: 'Confirmez votre alerte' },
      { type: 'paragraph', text: 'Bonjour,' },
      {
        type: 'paragraph',
        text: `Vous avez demandé à être prévenu par courriel de la disponibilité de ${bookLine(book)}. Confirmez votre adresse pour recevoir ce courriel, une seule fois :`,
      },
      ...(links.alertUrl ? [{ type: 'button', label: 'Confirmer mon alerte', url: links.alertUrl } as const] : []),
      {
        type: 'small',
        text: `Ce lien reste valable ${ALERT_CONFIRMATION_DAYS} jours. Si vous n’avez rien demandé, ignorez ce courriel : sans confirmation, votre adresse est effacée.`,
      },
    ],
  };
}

export function availabilityAlertAvailable(book: EmailAlertBook, links: EmailLinks): EmailContent {
  const url = `${links.siteUrl}/livre/${book.ean}`;
  return {
    subject: `« ${book.title} » est disponible`,
    preheader: `En stock à ${formatPrice(book.priceCents)} : commandez-le tant qu’il en reste.`,
    blocks: [
      { type: 'heading', text: 'Le livre est disponible' },
      { type: 'paragraph', text: 'Bonjour,' },
      {
        type: 'paragraph',
        text: `Vous nous avez demandé de vous prévenir : ${bookLine(book)} est en stock à la librairie, au prix de ${formatPrice(book.priceCents)} fixé par l’éditeur (loi n° 81-766 du 10 août 1981, art. 1).`,
      },
      { type: 'button', label: 'Voir le livre', url },
      {
        type: 'small',
        text: 'Les exemplaires ne vous sont pas réservés : ils partent dans l’ordre des commandes.',
      },
      ...cancelBlocks(links, true),
    ],
  };
}

export function availabilityAlertOutOfPrint(book: EmailAlertBook, shop: ShopIdentity, links: EmailLinks): EmailContent {
  return {
    subject: `« ${book.title} » est épuisé`,
    preheader: 'L’éditeur ne le réimprime pas : votre alerte est close.',
    blocks: [
      { type: 'heading', text: 'Le livre est épuisé' },
      { type: 'paragraph', text: 'Bonjour,' },
      {
        type: 'paragraph',
        text: `Vous nous avez demandé de vous prévenir de la disponibilité de ${bookLine(book)}. Son éditeur l’a déclaré épuisé : il ne sera plus réimprimé, et nous ne pourrons pas vous le procurer neuf. Votre alerte est close.`,
      },
      {
        type: 'paragraph',
        text: `Nous pouvons vous conseiller une autre édition ou un autre titre : écrivez-nous à ${shop.email} ou passez à la librairie.`,
      },
      ...cancelBlocks(links, true),
    ],
  };
}
