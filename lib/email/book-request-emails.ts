import { formatDateShort } from '@/lib/core/date';
import { formatCopies } from '@/lib/core/copies';
import { formatPrice } from '@/lib/core/money';
import { postalAddress, type ShopIdentity } from '@/lib/shop/shop-identity';
import type { Block } from './blocks';
import type { EmailBookRequest, EmailPayload } from './payload';
import { type EmailContent, type EmailLinks, formatDay } from './template-parts';

// The e-mails of the single-copy ordering service (loi n° 81-766 du 10 août 1981, art. 1: a
// bookshop orders any book its publisher supplies, one copy if asked, for free): the request
// acknowledged, then the bookseller's answer. Nothing is sold at a distance here: a book ordered
// for the reader is paid and taken at the shop, and the reader may still say no.

/** "Droit administratif, de Jean Rivero (Dalloz), ISBN 9782247123456": the book as the reader named it. */
export function requestedBook(request: Pick<EmailBookRequest, 'ean' | 'title' | 'author' | 'publisher'>): string {
  const title = request.title ?? `ISBN ${request.ean}`;
  return [
    title,
    request.author ? `, de ${request.author}` : '',
    request.publisher ? ` (${request.publisher})` : '',
    request.title && request.ean ? `, ISBN ${request.ean}` : '',
  ].join('');
}

function requestLines(request: EmailBookRequest): Block {
  return {
    type: 'list',
    items: [
      `Livre : ${requestedBook(request)}`,
      `Quantité : ${formatCopies(request.quantity)}`,
      ...(request.message ? [`Votre message : ${request.message}`] : []),
    ],
  };
}

const hello = (request: EmailBookRequest): Block => ({ type: 'paragraph', text: `Bonjour ${request.fullName},` });

export function bookRequestReceived(request: EmailBookRequest, shop: ShopIdentity): EmailContent {
  return {
    subject: `Votre demande de livre ${request.reference}`,
    preheader: 'Nous cherchons votre livre et vous répondons sous deux jours ouvrables.',
    blocks: [
      { type: 'heading', text: 'Demande reçue' },
      hello(request),
      {
        type: 'paragraph',
        text: `Nous avons bien reçu votre demande n° ${request.reference} du ${formatDateShort(new Date(request.requestedAt))} :`,
      },
      requestLines(request),
      {
        type: 'paragraph',
        text: 'Nous interrogeons le distributeur et vous répondons par courriel sous deux jours ouvrables, avec le prix fixé par l’éditeur et le délai. Ce service est gratuit (loi n° 81-766 du 10 août 1981, art. 1) et ne vous engage à rien : le livre se règle à son retrait à la librairie.',
      },
      { type: 'small', text: `Une question ? Écrivez-nous à ${shop.email} ou appelez le ${shop.phone}.` },
    ],
  };
}

export function bookRequestAnswered(
  payload: Extract<EmailPayload, { kind: 'book_request_answered' }>,
  shop: ShopIdentity,
  links: EmailLinks,
): EmailContent {
  const { request, answer } = payload;
  if (answer.outcome === 'declined') {
    return {
      subject: `Votre demande de livre ${request.reference} : livre indisponible`,
      preheader: 'Nous ne pouvons pas vous procurer ce livre.',
      blocks: [
        { type: 'heading', text: 'Livre indisponible' },
        hello(request),
        {
          type: 'paragraph',
          text: `Nous ne pouvons pas vous procurer le livre de votre demande n° ${request.reference} : ${requestedBook(request)}.`,
        },
        { type: 'paragraph', text: `Notre réponse : ${answer.reason}` },
        {
          type: 'paragraph',
          text: `Nous pouvons vous conseiller une autre édition ou un autre titre : écrivez-nous à ${shop.email} ou passez à la librairie. Vous pouvez aussi faire une nouvelle demande sur ${links.siteUrl}/commander-un-livre.`,
        },
      ],
    };
  }
  const when = answer.availableLatestOn
    ? ` ; il devrait vous attendre au plus tard le ${formatDay(answer.availableLatestOn)}`
    : '';
  return {
    subject: `Votre demande de livre ${request.reference} : livre commandé`,
    preheader: `${answer.title} est commandé pour vous : ${formatPrice(answer.totalCents)}, à régler au retrait.`,
    blocks: [
      { type: 'heading', text: 'Livre commandé' },
      hello(request),
      {
        type: 'paragraph',
        text: `Nous avons commandé pour vous ${formatCopies(answer.quantity)} de « ${answer.title} » chez le distributeur (commande client n° ${answer.orderReference})${when}. Nous vous prévenons dès son arrivée.`,
      },
      {
        type: 'table',
        caption: `Commande client n° ${answer.orderReference}`,
        rows: [
          {
            label: answer.title,
            detail: 'Prix fixé par l’éditeur (loi n° 81-766, art. 1)',
            amount: formatPrice(answer.totalCents),
          },
          {
            label: answer.payAtPickup ? 'À régler au retrait' : 'Réglé à la librairie',
            amount: formatPrice(answer.totalCents),
            strong: true,
          },
        ],
      },
      {
        type: 'paragraph',
        text: `Retrait à la librairie : ${shop.name}, ${postalAddress(shop)}. Si vous ne souhaitez plus ce livre, prévenez-nous à ${shop.email} ou au ${shop.phone}.`,
      },
    ],
  };
}
