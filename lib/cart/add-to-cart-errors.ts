// What a reader without JavaScript reads on the cart page when "Ajouter au panier" failed: the
// form posts to /panier/ajouter, which answers with a redirect to /panier?erreur=<code>. Only
// these codes are shown, each with its own words: a message is never read from the address.
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

/** The code as it goes in the address: a known one, else the generic one. */
export function addToCartErrorCode(code: string): string {
  return code in MESSAGES ? code : 'ERREUR';
}

/** The reader's message for the code in the address, or null when there is none. */
export function addToCartErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? UNKNOWN;
}
