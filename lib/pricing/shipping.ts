// Shipping fee: the shop's table, raised to the legal floor of the order, lowered by the discount
// that the 2014 law moves from the books onto the delivery service (never below the floor).
import { LEGAL_MIN_SHIPPING } from './legal';
import type { CustomerKind, DeliveryMethod } from './schemas';

/**
 * One row of the shop's fee table: from this goods amount (incl. VAT, after discounts) up, the
 * delivery fee of the order, whatever the number of parcels it leaves in (the shop's choice, as
 * the legal floor is per order: arrêté du 4 avril 2023, art. 1).
 */
export type ShippingTier = { fromGoodsCents: number; feeCents: number };

export type ShippingMethodConfig = {
  /** French label shown to customers. */
  label: string;
  /** Rows sorted by `fromGoodsCents`, the first one from 0. */
  tiers: readonly ShippingTier[];
};

export type ShippingTable = Readonly<Record<DeliveryMethod, ShippingMethodConfig>>;

export type ShippingQuote = {
  method: DeliveryMethod;
  /** The shop's fee for the order, before the legal floor and the moved discount. */
  tableFeeCents: number;
  /** Minimum delivery fee of the order imposed by law, null when the law sets none (pickup, no new book, institution). */
  legalMinimumCents: number | null;
  /** Discount on new books moved onto shipping (loi n° 2014-779), actually granted. */
  discountCents: number;
  totalCents: number;
};

export type ShippingContext = {
  method: DeliveryMethod;
  customerKind: CustomerKind;
  hasNewBooks: boolean;
  /** Amount of new books in the order, incl. VAT, after discounts: the legal threshold's base. */
  newBookAmountCents: number;
  /** Amount of all goods, incl. VAT, after discounts: the shop table's base. */
  goodsAmountCents: number;
  /** Discount requested on new books that may only apply to shipping (loi n° 2014-779). */
  movableDiscountCents: number;
};

/** Throws on a broken table: it is configuration written by the shop, not customer input. */
export function assertValidShippingTable(table: ShippingTable): void {
  for (const [method, config] of Object.entries(table)) {
    const first = config.tiers[0];
    if (!first || first.fromGoodsCents !== 0) throw new Error(`shipping table ${method}: first tier must start at 0`);
    config.tiers.forEach((tier, index) => {
      if (!Number.isSafeInteger(tier.feeCents) || tier.feeCents < 0) {
        throw new Error(`shipping table ${method}: tier ${index} fee must be non-negative integer cents`);
      }
      const previous = config.tiers[index - 1];
      if (previous && !(tier.fromGoodsCents > previous.fromGoodsCents)) {
        throw new Error(`shipping table ${method}: tiers must be sorted by fromGoodsCents`);
      }
    });
  }
}

export function tableFee(config: ShippingMethodConfig, goodsAmountCents: number): number {
  const tier = config.tiers.findLast((candidate) => candidate.fromGoodsCents <= goodsAmountCents);
  if (!tier) throw new Error('shipping tier not found: the first tier must start at 0');
  return tier.feeCents;
}

/**
 * Legal minimum delivery fee of the whole order, or null when none applies.
 * - Pickup in a bookshop: free allowed (loi n° 81-766, art. 1, al. 4).
 * - Only used books or other goods: outside the book price law.
 * - Institutions buying for their own needs: art. 3 derogates from the whole 4th paragraph of
 *   art. 1, so the delivery price is free (réponse ministérielle, Sénat, question n° 11276, JO 11/07/2024).
 * - Otherwise 3 € below 35 € of new books, 0,01 € from 35 €, for the order "quel que soit le
 *   nombre de colis composant cette commande" (arrêté du 4 avril 2023, art. 1).
 */
export function legalMinimumPerOrder(context: ShippingContext): number | null {
  if (context.method !== 'home_delivery' || !context.hasNewBooks || context.customerKind !== 'individual') {
    return null;
  }
  return context.newBookAmountCents < LEGAL_MIN_SHIPPING.newBookThresholdCents
    ? LEGAL_MIN_SHIPPING.belowThresholdCents
    : LEGAL_MIN_SHIPPING.fromThresholdCents;
}

export function quoteShipping(table: ShippingTable, context: ShippingContext): ShippingQuote {
  const shopFee = tableFee(table[context.method], context.goodsAmountCents);
  const legalMinimum = legalMinimumPerOrder(context);
  const floor = legalMinimum ?? 0;
  // One fee for the order, raised to the order's floor.
  const fee = Math.max(shopFee, floor);
  // Loi n° 2014-779: the 5 % may be granted on the delivery tariff, never taking the order's
  // delivery below the floor.
  const discountCents = Math.min(context.movableDiscountCents, fee - floor);
  return {
    method: context.method,
    tableFeeCents: shopFee,
    legalMinimumCents: legalMinimum,
    discountCents,
    totalCents: fee - discountCents,
  };
}
