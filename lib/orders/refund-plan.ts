// What a refund may contain, and what it does to the copies. Pure: lib/data/order-desk/refunds.ts reads
// the order under a row lock, plans here, then records the plan and sends it to Stripe.
//
// - A refund gives back copies of lines (at the price they were sold), the delivery fee (whole),
//   and/or a free amount (geste commercial). Never more than what remains paid: refunds already
//   requested count as spent until Stripe says they failed.
// - Copies that never left the shop go back on the shelf (SALE_CANCELLED in the stock ledger):
//   the order was not shipped or collected yet. Copies still awaited from the distributor are
//   cancelled first (nothing to put back); a copy with the customer is not restocked here
//   (a returned parcel is booked by the stock desk).
import { UNPAID_STATUSES, type OrderStatus } from './status';
import { formatPrice } from '@/lib/core/money';
import { MAX_QUANTITY_PER_LINE } from './allocation';

/** Why money goes back (the database's RefundReason enum, checked in lib/data/platform/enum-checks.ts). */
export type RefundReason =
  'withdrawal' | 'damaged' | 'unavailable' | 'goodwill' | 'cancellation' | 'other' | 'price_drop';

export const REFUND_REASON_LABELS: Record<RefundReason, string> = {
  withdrawal: 'Rétractation',
  damaged: 'Livre abîmé',
  unavailable: 'Livre indisponible',
  goodwill: 'Geste commercial',
  cancellation: 'Commande annulée',
  other: 'Autre',
  price_drop: 'Baisse du prix de l’éditeur',
};

/** Reasons staff choose in the refund form (cancellation comes with "Annuler la commande"). */
export const REFUND_FORM_REASONS: readonly RefundReason[] = [
  'withdrawal',
  'damaged',
  'unavailable',
  'goodwill',
  'other',
];

const UNPAID = UNPAID_STATUSES;
const LEFT_THE_SHOP: readonly OrderStatus[] = ['shipped', 'delivered', 'collected'];

/** The largest single refund a form may ask for: far above any order, far below 2^31 cents. */
export const MAX_REFUND_CENTS = 10_000_000;

export type RefundableLine = {
  id: number;
  title: string;
  quantity: number;
  unitPriceCents: number;
  /** Copies in refunds requested or succeeded (failed ones are free again). */
  spokenForQuantity: number;
};

export type RefundableOrder = {
  status: OrderStatus;
  totalCents: number;
  shippingCents: number;
  /** Sum of refunds requested or succeeded, and their delivery-fee parts. */
  spokenForCents: number;
  spokenForShippingCents: number;
  lines: RefundableLine[];
};

export type RefundRequest = {
  lines: { orderLineId: number; quantity: number }[];
  /** Give back the delivery fee (what remains of it). */
  shipping: boolean;
  /** A free amount on top (geste commercial), in cents. */
  extraCents: number;
  reason: RefundReason;
};

export type RefundPlan = {
  amountCents: number;
  shippingCents: number;
  extraCents: number;
  restock: boolean;
  lines: { orderLineId: number; quantity: number; amountCents: number }[];
};

export type PlanResult = { ok: true; plan: RefundPlan } | { ok: false; code: string; message: string };

const refuse = (code: string, message: string): PlanResult => ({ ok: false, code, message });

/** What remains to refund: copies per line, the delivery fee, the amount. */
export function refundableRemainder(order: RefundableOrder) {
  return {
    cents: Math.max(order.totalCents - order.spokenForCents, 0),
    shippingCents: Math.max(order.shippingCents - order.spokenForShippingCents, 0),
    lines: order.lines.map((line) => ({ ...line, remaining: Math.max(line.quantity - line.spokenForQuantity, 0) })),
  };
}

/**
 * `wholeRemainder`: the request is "everything that remains" (a cancellation, "tout rembourser"):
 * if earlier free amounts left less money than the copies and fee are worth, the amount is what
 * remains, and every copy still counts as refunded.
 */
export function planRefund(
  order: RefundableOrder,
  request: RefundRequest,
  options: { wholeRemainder?: boolean } = {},
): PlanResult {
  if (UNPAID.includes(order.status))
    return refuse('ORDER_NOT_PAID', 'La commande n’est pas payée : rien à rembourser.');
  const remainder = refundableRemainder(order);
  if (remainder.cents === 0) return refuse('NOTHING_LEFT', 'La commande est déjà entièrement remboursée.');

  const lines: RefundPlan['lines'] = [];
  const seen = new Set<number>();
  for (const asked of request.lines) {
    if (asked.quantity === 0) continue;
    if (!Number.isInteger(asked.quantity) || asked.quantity < 0 || asked.quantity > MAX_QUANTITY_PER_LINE)
      return refuse(
        'INVALID_QUANTITY',
        `Indiquez un nombre entier d’exemplaires, entre 0 et ${MAX_QUANTITY_PER_LINE}.`,
      );
    const line = remainder.lines.find((l) => l.id === asked.orderLineId);
    if (!line || seen.has(line.id)) return refuse('UNKNOWN_LINE', 'Ce livre ne fait pas partie de la commande.');
    seen.add(line.id);
    if (asked.quantity > line.remaining) {
      return refuse(
        'TOO_MANY_COPIES',
        line.remaining === 0
          ? `« ${line.title} » : tous les exemplaires sont déjà remboursés.`
          : `« ${line.title} » : ${line.remaining} exemplaire${line.remaining > 1 ? 's' : ''} au plus ${line.remaining > 1 ? 'peuvent' : 'peut'} encore être remboursé${line.remaining > 1 ? 's' : ''}.`,
      );
    }
    lines.push({ orderLineId: line.id, quantity: asked.quantity, amountCents: line.unitPriceCents * asked.quantity });
  }

  if (request.shipping && remainder.shippingCents === 0) {
    return refuse(
      'SHIPPING_ALREADY_REFUNDED',
      order.shippingCents === 0
        ? 'La livraison était gratuite : rien à rembourser.'
        : 'Les frais de livraison sont déjà remboursés.',
    );
  }
  const shippingCents = request.shipping ? remainder.shippingCents : 0;
  if (!Number.isInteger(request.extraCents) || request.extraCents < 0 || request.extraCents > MAX_REFUND_CENTS)
    return refuse('INVALID_AMOUNT', 'Montant invalide.');

  const parts = lines.reduce((sum, line) => sum + line.amountCents, 0) + shippingCents + request.extraCents;
  const amountCents = options.wholeRemainder ? Math.min(parts, remainder.cents) : parts;
  if (amountCents === 0) {
    return refuse(
      'NOTHING_SELECTED',
      'Choisissez au moins un livre, les frais de livraison ou un montant à rembourser.',
    );
  }
  if (amountCents > remainder.cents) {
    return refuse(
      'MORE_THAN_PAID',
      `Le remboursement (${formatPrice(amountCents)}) dépasse ce qui reste payé sur la commande (${formatPrice(remainder.cents)}).`,
    );
  }
  return {
    ok: true,
    plan: {
      amountCents,
      shippingCents,
      extraCents: request.extraCents,
      restock: !LEFT_THE_SHOP.includes(order.status),
      lines,
    },
  };
}

/** Everything that remains: every copy not yet refunded and the delivery fee (cancellation). */
export function fullRefundRequest(order: RefundableOrder, reason: RefundReason): RefundRequest {
  const remainder = refundableRemainder(order);
  const lines = remainder.lines
    .filter((line) => line.remaining > 0)
    .map((line) => ({ orderLineId: line.id, quantity: line.remaining }));
  const linesCents = remainder.lines.reduce((sum, line) => sum + line.remaining * line.unitPriceCents, 0);
  const shipping = remainder.shippingCents > 0;
  // Whatever is left after lines and fee (an earlier free amount made it smaller, never larger).
  const extraCents = Math.max(remainder.cents - linesCents - remainder.shippingCents, 0);
  return { lines, shipping, extraCents, reason };
}

export type LineCopies = {
  /** Backordered copies neither received nor cancelled. */
  awaited: number;
  /** Copies sold from the shelf for this order and not put back yet (from the stock ledger). */
  soldFromShelf: number;
};

/**
 * What happens to refunded copies of a line when the refund is applied: copies still awaited
 * from the distributor are cancelled first; the others go back on the shelf if the order had not
 * left the shop, never more than were sold from it.
 */
export function splitRefundedCopies(line: LineCopies, quantity: number, restock: boolean) {
  const cancelledBackorder = Math.min(quantity, line.awaited);
  const restocked = restock ? Math.min(quantity - cancelledBackorder, line.soldFromShelf) : 0;
  return { cancelledBackorder, restocked };
}
