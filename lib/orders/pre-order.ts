// Pre-orders of forthcoming titles: what the customer may cancel, and what a fall of the
// publisher's price gives back. Pure: lib/data/order-desk/pre-orders.ts reads the order under its
// row lock, asks here, and records the refund in the same transaction.
// docs/decisions/023-pre-orders.md
import { formatDateShort } from '@/lib/core/date';
import { UNPAID_STATUSES, type OrderStatus } from './status';

/** "Précommande — parution le 15/01/2027": the words of the cart, checkout, e-mails and tracking page. */
export function preOrderLabel(publishedOn: Date): string {
  return `Précommande — parution le ${formatDateShort(publishedOn)}`;
}

export type PreOrderLine = {
  id: number;
  title: string;
  quantity: number;
  /** Set on a pre-order line: the publication date its copies wait for. */
  preOrderPublishedOn: Date | null;
  /** Copies neither received nor cancelled (lib/orders/workflow.ts, awaitedCopies). */
  awaited: number;
  /** Copies in refunds requested or succeeded. */
  spokenForQuantity: number;
  unitPriceCents: number;
  priceDropPerCopyCents: number;
};

export type PreOrderFacts = { status: OrderStatus; lines: PreOrderLine[] };

export type CancellationPlan =
  | {
      ok: true;
      lines: { orderLineId: number; title: string; quantity: number }[];
      /** Nothing else remains to hand over: the whole order is cancelled, delivery fee included. */
      wholeOrder: boolean;
    }
  | { ok: false; code: string; message: string };

/** Pre-ordered copies still awaited and not already refunded (or being refunded). */
function cancellableCopies(line: PreOrderLine): number {
  if (line.preOrderPublishedOn === null) return 0;
  return Math.max(Math.min(line.awaited, line.quantity - line.spokenForQuantity), 0);
}

/**
 * "Annuler ma précommande" (CGV, pre-orders article): the customer may cancel pre-ordered copies
 * until they leave the shop; they are still awaited from the distributor, so the order is paid
 * and not yet being prepared. The second of two requests finds the copies spoken for.
 */
export function planPreOrderCancellation(order: PreOrderFacts): CancellationPlan {
  if (UNPAID_STATUSES.includes(order.status))
    return { ok: false, code: 'ORDER_NOT_PAID', message: 'La commande n’est pas payée : rien à annuler.' };
  const lines = order.lines
    .map((line) => ({ orderLineId: line.id, title: line.title, quantity: cancellableCopies(line) }))
    .filter((line) => line.quantity > 0);
  if (order.status !== 'paid' || lines.length === 0) {
    return {
      ok: false,
      code: 'NOTHING_TO_CANCEL',
      message: 'Aucun exemplaire précommandé n’est plus annulable : ils sont déjà annulés, reçus ou expédiés.',
    };
  }
  const left = order.lines.reduce((sum, line) => sum + Math.max(line.quantity - line.spokenForQuantity, 0), 0);
  const cancelled = lines.reduce((sum, line) => sum + line.quantity, 0);
  return { ok: true, lines, wholeOrder: cancelled === left };
}

export type PriceDrop = {
  orderLineId: number;
  title: string;
  copies: number;
  perCopyCents: number;
  amountCents: number;
};

/**
 * The publisher lowered the price to `newPriceCents` while pre-ordered copies are undelivered:
 * each such copy is sold at the price in force when it is delivered, never more than the customer
 * paid (loi n° 81-766, art. 1; a rise changes nothing: Code civil, art. 1583, the sale was formed
 * at the order). What was given back already counts, so a price applied twice gives back once.
 */
export function planPriceDrops(lines: PreOrderLine[], bookLineIds: ReadonlySet<number>, newPriceCents: number) {
  const drops: PriceDrop[] = [];
  for (const line of lines) {
    if (!bookLineIds.has(line.id)) continue;
    const copies = cancellableCopies(line);
    const paidPerCopy = line.unitPriceCents - line.priceDropPerCopyCents;
    const perCopyCents = Math.max(paidPerCopy - Math.max(newPriceCents, 0), 0);
    if (copies === 0 || perCopyCents === 0) continue;
    drops.push({ orderLineId: line.id, title: line.title, copies, perCopyCents, amountCents: copies * perCopyCents });
  }
  return drops;
}
