// The shop's settings kept in code: the rules no screen changes (delays, holds, caps), and the
// defaults of what an admin edits at /admin/reglages (name, tagline, cut-off hour: lib/shop/settings.ts).
export const SHOP = {
  name: 'Librairie des Facultés',
  tagline: 'Droit, sciences politiques et sciences humaines',
  /** Business days between an order of a book in stock and the parcel leaving the shop. */
  inStockShipDays: 1,
  /** Orders after this hour (Europe/Paris) count from the next business day. */
  orderCutoffHour: 14,
  /** Carrier transit for home delivery, in business days (Colissimo, metropolitan France). */
  transitDays: { minDays: 1, maxDays: 2 },
  /**
   * How long copies on the shelf are held for a reader on the payment page. The Checkout Session
   * expires at the same instant, and Stripe accepts 30 minutes to 24 hours
   * (https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-expires_at).
   */
  holdMinutes: 35,
  /**
   * Copies stay held this long until the order has its payment page; attaching the Checkout
   * Session extends them to holdMinutes. A crash between the two gives them back within this.
   */
  provisionalHoldMinutes: 2,
  /**
   * Limits of an online order by one reader, against hoarding (copies held for 35 minutes are
   * copies other readers cannot buy). Larger orders (a library, a school) go through the shop.
   */
  maxCopiesPerBook: 10,
  maxCopiesPerOrder: 30,
  /** Copies on the shelf one client (one address) may hold at once across its unpaid orders. */
  maxHeldCopiesPerClient: 20,
} as const;

export const CATALOG_PAGE_SIZE = 24;

/**
 * Listings count matches up to this number, then say "plus de 2 000 livres" (84 pages: more than
 * a reader turns): counting a million rows on every page view costs more than the page, and even
 * 10,000 index entries cost a 1M catalog 5 ms a page (docs/decisions/010).
 */
export const LISTING_COUNT_CAP = 2_000;

/**
 * The last page a listing numbers (84: the pages of the books counted); past it, "Page suivante"
 * carries the last book's key and the pages go on to the end of the catalog at the cost of the
 * first (lib/validation/listing-key.ts).
 */
export const LAST_NUMBERED_PAGE = Math.ceil(LISTING_COUNT_CAP / CATALOG_PAGE_SIZE);

/**
 * Lead time given to a distributor the ONIX import meets for the first time (business days
 * from the shop's order to the parcel leaving), until staff enter the real one.
 */
export const NEW_SUPPLIER_LEAD_TIME = { minDays: 3, maxDays: 8 } as const;
