// What a reader without JavaScript reads on the cart page when "Ajouter au panier" failed: the
// form posts to /panier/ajouter, which answers with a redirect to /panier?erreur=<code>&livre=<ean>.
// Only these codes are shown, each with its own words: a message is never read from the address.
// (With JavaScript, the form shows the server's exact message under the button.)
import { SHOP } from '@/lib/shop/config';

const MESSAGES: Record<string, string> = {
  INVALID_INPUT: 'Le livre n’a pas été ajouté : la quantité demandée n’est pas valide.',
  UNKNOWN_BOOK: 'Ce livre n’existe pas dans notre catalogue.',
  NOT_ORDERABLE: 'Ce livre n’a pas été ajouté : il n’est plus disponible.',
  NOT_ENOUGH_COPIES: 'Ce livre n’a pas été ajouté : nous n’en avons pas autant d’exemplaires.',
  QUANTITY_TOO_LARGE: 'Ce livre n’a pas été ajouté : la quantité dépasse ce que nous pouvons fournir par commande.',
  ORDER_TOO_LARGE: `Ce livre n’a pas été ajouté : au plus ${SHOP.maxCopiesPerOrder} exemplaires par commande en ligne. Pour davantage, contactez la librairie.`,
  RATE_LIMITED: 'Trop de demandes : réessayez dans un instant.',
  BUSY: 'Trop de demandes en même temps : réessayez dans un instant.',
};

const UNKNOWN = 'Le livre n’a pas été ajouté : réessayez.';
const EAN = /^\d{13}$/;

/** Where a refused addition sends the reader: the cart, with the code (a known one, else a generic one) and the book. */
export function addToCartRefusalLocation(code: string, ean: unknown): string {
  const params = new URLSearchParams({ erreur: code in MESSAGES ? code : 'ERREUR' });
  if (typeof ean === 'string' && EAN.test(ean)) params.set('livre', ean);
  return `/panier?${params.toString()}`;
}

/** The cart page's notice from its address: the message of the code, and the book to go back to. */
export function addToCartRefusal(query: {
  erreur?: string;
  livre?: string;
}): { message: string; ean: string | null } | null {
  if (!query.erreur) return null;
  return { message: MESSAGES[query.erreur] ?? UNKNOWN, ean: query.livre && EAN.test(query.livre) ? query.livre : null };
}
