import 'server-only';
import { isoDay, toDateOnly } from '@/lib/availability';
import { formatPrice } from '@/lib/core/money';
import { failure, type Result } from '@/lib/core/result';
import { lineDeliveryWindow, orderWindowOfLines } from '@/lib/orders/delivery-plan';
import { planPreOrderCancellation, planPriceDrops, type PreOrderLine } from '@/lib/orders/pre-order';
import { fullRefundRequest, planRefund, type RefundRequest } from '@/lib/orders/refund-plan';
import { awaitedCopies } from '@/lib/orders/workflow';
import { enqueueOrderEmail } from '@/lib/data/customer-mail/order-emails';
import { ORDER_DESK_LIMITS, Rejection, transact, transactOrThrow, type Tx } from '@/lib/data/platform/transactions';
import { recordAudit } from '@/lib/data/staff/audit';
import { readShopSettings } from '@/lib/data/staff/shop-settings';
import { releaseOrderHolds } from '@/lib/data/stock/stock-holds';
import { getDb } from '@/lib/db';
import { bumpOrderVersion } from './order-lock';
import { readRefundable, recordPlannedRefund, type RefundTicket } from './refund-requests';

// Pre-orders of forthcoming titles (docs/decisions/023-pre-orders.md), on the order desk's
// machinery: each change runs under the order's row lock (the lock of the desk, the webhook and
// the refunds), records its refund `requested` with its own Idempotency-Key, and leaves the call to
// Stripe to lib/refunds/pre-orders.ts, after the commit. What remains to cancel or to give back is
// read under that lock, counting refunds already requested: two requests at once give one refund.

const LINE_SELECT = {
  id: true,
  bookId: true,
  title: true,
  quantity: true,
  unitPriceCents: true,
  priceDropPerCopyCents: true,
  preOrderPublishedOn: true,
  backorderQuantity: true,
  receivedQuantity: true,
  cancelledBackorderQuantity: true,
  shipWithinMinDays: true,
  shipWithinMaxDays: true,
  supplierExpectedOn: true,
} as const;

async function lockOrderRow(tx: Tx, orderId: number): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
}

/** The order as the pre-order rules see it, under its lock. */
async function readPreOrder(tx: Tx, orderId: number) {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      status: true,
      origin: true,
      deliveryMethod: true,
      createdAt: true,
      paidAt: true,
      deliveryLatestOn: true,
      lines: { orderBy: { id: 'asc' }, select: LINE_SELECT },
    },
  });
  const refundable = await readRefundable(tx, orderId);
  const spokenFor = new Map(refundable.lines.map((line) => [line.id, line.spokenForQuantity]));
  const lines: PreOrderLine[] = order.lines.map((line) => ({
    id: line.id,
    title: line.title,
    quantity: line.quantity,
    preOrderPublishedOn: line.preOrderPublishedOn,
    awaited: awaitedCopies(line),
    spokenForQuantity: spokenFor.get(line.id) ?? 0,
    unitPriceCents: line.unitPriceCents,
    priceDropPerCopyCents: line.priceDropPerCopyCents,
  }));
  return { order, refundable, lines };
}

/** Paid orders with pre-ordered copies of this book still awaited from the distributor, oldest first. */
async function ordersAwaitingPreOrders(bookId: number): Promise<number[]> {
  const rows = await getDb().$queryRaw<{ id: number }[]>`
    SELECT DISTINCT o."id" FROM "Order" o JOIN "OrderLine" l ON l."orderId" = o."id"
    WHERE o."status" = 'paid' AND l."bookId" = ${bookId} AND l."preOrderPublishedOn" IS NOT NULL
      AND l."backorderQuantity" > l."receivedQuantity" + l."cancelledBackorderQuantity"
    ORDER BY o."id"`;
  return rows.map((row) => row.id);
}

export type PreOrderCancellation = { ticket: RefundTicket | null; copies: number; wholeOrder: boolean };

/**
 * "Annuler ma précommande" from the tracking page (CGV, pre-orders article): the awaited
 * pre-ordered copies are cancelled and refunded at once; when nothing else is left, the whole
 * order is cancelled as the order desk would, delivery fee included (Code de la consommation,
 * art. L221-24: every sum paid, delivery included, when the whole contract ends).
 */
export async function recordPreOrderCancellation(
  orderId: number,
  ip: string | null,
): Promise<Result<PreOrderCancellation>> {
  return transact(async (tx) => {
    await lockOrderRow(tx, orderId);
    const { order, refundable, lines } = await readPreOrder(tx, orderId);
    if (order.origin !== 'online')
      throw new Rejection(failure('COUNTER_ORDER', 'Cette commande se règle en librairie : adressez-vous à nous.'));
    const cancellation = planPreOrderCancellation({ status: order.status, lines });
    if (!cancellation.ok) throw new Rejection(failure(cancellation.code, cancellation.message));
    if (!refundable.stripePaymentIntentId)
      throw new Rejection(failure('NO_PAYMENT', 'Aucun paiement en ligne n’est connu pour cette commande.'));

    const request: RefundRequest = cancellation.wholeOrder
      ? fullRefundRequest(refundable, 'cancellation')
      : {
          lines: cancellation.lines.map(({ orderLineId, quantity }) => ({ orderLineId, quantity })),
          shipping: false,
          extraCents: 0,
          reason: 'cancellation',
        };
    const planned = planRefund(refundable, request, { wholeRemainder: cancellation.wholeOrder });
    if (!planned.ok) throw new Rejection(failure(planned.code, planned.message));
    if (cancellation.wholeOrder) {
      await releaseOrderHolds(tx, [orderId]);
      await recordAudit(tx, {
        staffId: null,
        action: 'order.status_changed',
        orderId,
        before: { status: order.status },
        after: { status: 'cancelled', by: 'customer' },
        ip,
      });
    }
    await bumpOrderVersion(tx, orderId, cancellation.wholeOrder ? { status: 'cancelled' } : {});
    const ticket = await recordPlannedRefund(tx, {
      orderId,
      plan: planned.plan,
      reason: 'cancellation',
      note: 'Précommande annulée par le client depuis sa page de suivi.',
      staffId: null,
      ip,
      titles: new Map(lines.map((line) => [line.id, line.title])),
      byCustomer: true,
    });
    const copies = cancellation.lines.reduce((sum, line) => sum + line.quantity, 0);
    await recordAudit(tx, {
      staffId: null,
      action: 'order.pre_order_cancelled',
      orderId,
      after: {
        wholeOrder: cancellation.wholeOrder,
        amountCents: planned.plan.amountCents,
        lines: cancellation.lines.map(({ title, quantity }) => ({ title, quantity })),
      },
      ip,
    });
    return { ok: true as const, ticket, copies, wholeOrder: cancellation.wholeOrder };
  }, ORDER_DESK_LIMITS);
}

/**
 * The publisher's price of this book fell to `priceCents`: every order awaiting pre-ordered copies
 * of it gets the difference per copy back (lib/orders/pre-order.ts, planPriceDrops), recorded once
 * per order and price; returns the refunds to send.
 */
export async function recordPriceDropRefunds(bookId: number, priceCents: number): Promise<RefundTicket[]> {
  const tickets: RefundTicket[] = [];
  for (const orderId of await ordersAwaitingPreOrders(bookId)) {
    const ticket = await transactOrThrow(async (tx) => {
      await lockOrderRow(tx, orderId);
      const { order, refundable, lines } = await readPreOrder(tx, orderId);
      if (order.status !== 'paid' || !refundable.stripePaymentIntentId) return null;
      const bookLines = new Set(order.lines.filter((line) => line.bookId === bookId).map((line) => line.id));
      const drops = planPriceDrops(lines, bookLines, priceCents);
      const amountCents = drops.reduce((sum, drop) => sum + drop.amountCents, 0);
      if (amountCents === 0) return null;
      for (const drop of drops) {
        await tx.orderLine.update({
          where: { id: drop.orderLineId },
          data: { priceDropPerCopyCents: { increment: drop.perCopyCents } },
        });
      }
      await bumpOrderVersion(tx, orderId);
      const note = drops
        .map(
          (d) =>
            `« ${d.title} » : ${formatPrice(d.perCopyCents)} × ${d.copies} (nouveau prix ${formatPrice(priceCents)})`,
        )
        .join(' ; ');
      // The copies stay owed: each line gives back an amount for none of its copies (quantity 0),
      // so its credit note carries the book's own VAT rate.
      const plan = {
        amountCents,
        shippingCents: 0,
        extraCents: 0,
        restock: false,
        lines: drops.map((drop) => ({ orderLineId: drop.orderLineId, quantity: 0, amountCents: drop.amountCents })),
      };
      const recorded = await recordPlannedRefund(tx, {
        orderId,
        plan,
        reason: 'price_drop',
        note: `Baisse du prix de l’éditeur avant livraison (loi n° 81-766, art. 1) : ${note}.`,
        staffId: null,
        ip: null,
        titles: new Map(drops.map((drop) => [drop.orderLineId, drop.title])),
      });
      await recordAudit(tx, {
        staffId: null,
        action: 'order.pre_order_price_dropped',
        orderId,
        after: {
          priceCents,
          amountCents,
          lines: drops.map(({ title, copies, perCopyCents }) => ({ title, copies, perCopyCents })),
        },
      });
      return recorded;
    }, ORDER_DESK_LIMITS);
    if (ticket) tickets.push(ticket);
  }
  return tickets;
}

/**
 * The distributor moved the publication date of this book (its ONIX feed): the pre-order lines
 * awaiting it count from the new date, the order's window follows, and when the promised
 * delivery moves later the customer gets the "Nouveau délai" e-mail (one per new date,
 * lib/email/kinds.ts), as when staff announce a supplier's delay (supplier-delays.ts).
 */
export async function movePreOrderDates(bookId: number, publishedOn: Date): Promise<number> {
  let told = 0;
  const day = toDateOnly(publishedOn);
  for (const orderId of await ordersAwaitingPreOrders(bookId)) {
    told += await transactOrThrow(async (tx) => {
      await lockOrderRow(tx, orderId);
      const { order } = await readPreOrder(tx, orderId);
      const moved = order.lines.filter(
        (line) =>
          line.bookId === bookId &&
          line.preOrderPublishedOn !== null &&
          awaitedCopies(line) > 0 &&
          isoDay(line.preOrderPublishedOn) !== isoDay(day),
      );
      if (order.status !== 'paid' || moved.length === 0) return 0;
      const { orderCutoffHour } = await readShopSettings(tx);
      const lines = order.lines.map((l) => (moved.includes(l) ? { ...l, preOrderPublishedOn: day } : l));
      const window = orderWindowOfLines(
        lines.map((l) => lineDeliveryWindow(l, order.deliveryMethod, order.paidAt ?? order.createdAt, orderCutoffHour)),
      );
      const before = order.deliveryLatestOn ? isoDay(order.deliveryLatestOn) : null;
      const after = window ? isoDay(window.latest) : before;
      await tx.orderLine.updateMany({
        where: { id: { in: moved.map((l) => l.id) } },
        data: { preOrderPublishedOn: day },
      });
      await bumpOrderVersion(
        tx,
        orderId,
        window ? { deliveryEarliestOn: toDateOnly(window.earliest), deliveryLatestOn: toDateOnly(window.latest) } : {},
      );
      const later = after !== null && (before === null || after > before);
      if (later) await enqueueOrderEmail(tx, orderId, { kind: 'delayed' });
      await recordAudit(tx, {
        staffId: null,
        action: 'order.pre_order_date_moved',
        orderId,
        before: { publishedOn: isoDay(moved[0]!.preOrderPublishedOn!), deliveryLatestOn: before },
        after: { publishedOn: isoDay(day), deliveryLatestOn: after, customerTold: later },
      });
      return later ? 1 : 0;
    }, ORDER_DESK_LIMITS);
  }
  return told;
}
