// The shop's own settings (a real shop edits these; a later issue moves them to the back office).
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
} as const;

export const CATALOG_PAGE_SIZE = 24;
