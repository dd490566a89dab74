import 'server-only';
import { issueInvoice } from '@/lib/data/invoicing/invoices';
import type Stripe from 'stripe';
import type { Prisma } from '@/lib/generated/prisma/client';
import { toDateOnly } from '@/lib/availability';
import { supplierCanSupply } from '@/lib/catalog/book-availability';
import { lineShipWithin, orderDeliveryWindow, orderShipWithin } from '@/lib/orders/delivery-plan';
import { planPayment } from '@/lib/orders/payment-plan';
import { canMoveTo, type OrderStatus } from '@/lib/orders/status';
import { eventShapeProblem } from '@/lib/payments/event-shape';
import { failure, type Result } from '@/lib/core/result';
import { SUPPLY_FACTS_SELECT } from '@/lib/data/storefront/book-selects';
import { enqueueOrderEmail } from '@/lib/data/customer-mail/order-emails';
import { readShopSettings } from '@/lib/data/staff/shop-settings';
import { reconcileStripeRefunds, type StripeRefundFact } from '@/lib/data/order-desk/refunds';
import { lockStock, refreshStoredAvailability, releaseOrderHolds } from '@/lib/data/stock/stock-holds';
import { Rejection, transact, type Tx } from '@/lib/data/platform/transactions';

/** A payment Stripe took for an order the shop cannot fulfil: refunded whole (lib/refunds/stripe-refunds.ts). */
export type UnfulfillablePayment = { orderId: number; reference: string; paymentIntentId: string };
export type EventResult = { outcome: string; refund?: UnfulfillablePayment };

/** What the webhook fetched from Stripe for an event whose object does not say it all. */
export type EventContext = {
  /**
   * For `charge.refunded`: the payment's refunds as Stripe lists them. The event's Charge has
   * only the total refunded (its `refunds` list is not included since API 2022-11-15), and the
   * order desk needs to know which of its refunds went through (lib/data/order-desk/refunds.ts).
   */
  refunds?: StripeRefundFact[];
};

/**
 * Applies one Stripe event. The event id is recorded in the same transaction as its effect,
 * so a redelivery is a no-op (https://docs.stripe.com/webhooks#handle-duplicate-events);
 * the order row is locked, and its status only moves forward, so events in any order end
 * in the same state (https://docs.stripe.com/webhooks#event-ordering).
 * Failures write nothing, and the webhook answers non-2xx so that Stripe delivers the event
 * again later (https://docs.stripe.com/webhooks#retries): EVENT_NOT_YET_APPLICABLE (a refund
 * whose payment is not recorded yet) or BUSY.
 */
export async function applyStripeEvent(
  event: Stripe.Event,
  now: Date,
  context: EventContext = {},
): Promise<Result<EventResult>> {
  const malformed = eventShapeProblem(event);
  return transact(async (tx) => {
    const recorded = await tx.paymentEvent.createMany({
      data: [{ id: event.id, type: event.type, outcome: malformed ? 'ignored: malformed event' : 'en cours' }],
      skipDuplicates: true,
    });
    if (recorded.count === 0) return { ok: true as const, outcome: 'duplicate' };
    if (malformed) return { ok: true as const, outcome: 'ignored: malformed event' };

    const orderId = await findOrderId(tx, event);
    if (orderId === null && event.type === 'charge.refunded') {
      throw new Rejection(failure('EVENT_NOT_YET_APPLICABLE', `${event.id}: no order has this payment yet`));
    }
    const result: EventResult =
      orderId === null
        ? { outcome: 'ignored: no matching order' }
        : await applyToOrder(tx, orderId, event, now, context);
    await tx.paymentEvent.update({ where: { id: event.id }, data: { outcome: result.outcome, orderId } });
    return { ok: true as const, ...result };
  });
}

async function findOrderId(tx: Tx, event: Stripe.Event): Promise<number | null> {
  if (event.type.startsWith('checkout.session.')) {
    const session = event.data.object as Stripe.Checkout.Session;
    const order = await tx.order.findFirst({
      where: { OR: [{ stripeSessionId: session.id }, { reference: session.client_reference_id ?? '' }] },
      select: { id: true },
    });
    return order?.id ?? null;
  }
  if (event.type === 'charge.refunded') {
    const charge = event.data.object as Stripe.Charge;
    const paymentIntent = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
    if (!paymentIntent) return null;
    const order = await tx.order.findFirst({ where: { stripePaymentIntentId: paymentIntent }, select: { id: true } });
    return order?.id ?? null;
  }
  return null;
}

async function applyToOrder(
  tx: Tx,
  orderId: number,
  event: Stripe.Event,
  now: Date,
  context: EventContext,
): Promise<EventResult> {
  // One event at a time per order, whatever the number of app instances.
  await tx.$queryRaw`SELECT 1 FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } });

  switch (event.type) {
    case 'checkout.session.completed': {
      const session = event.data.object as Stripe.Checkout.Session;
      await recordPaymentIntent(tx, orderId, session);
      if (session.payment_status === 'paid') return markPaid(tx, orderId, now);
      return { outcome: 'awaiting asynchronous payment' };
    }
    case 'checkout.session.async_payment_succeeded': {
      await recordPaymentIntent(tx, orderId, event.data.object as Stripe.Checkout.Session);
      return markPaid(tx, orderId, now);
    }
    case 'checkout.session.async_payment_failed':
      return closeUnpaid(tx, orderId, order.status, 'payment_failed');
    case 'checkout.session.expired':
      return closeUnpaid(tx, orderId, order.status, 'expired');
    case 'charge.refunded': {
      // The order desk's refunds: partial or full, asked at the desk or elsewhere, each refund
      // Stripe lists is applied once under this lock, in whichever order the API answer and
      // this event come (lib/data/order-desk/refunds.ts); the order turns `remboursée` when every euro is
      // back. Without the list (Stripe unreachable) nothing is written and Stripe retries.
      if (!context.refunds) {
        throw new Rejection(failure('EVENT_NOT_YET_APPLICABLE', `${event.id}: the payment's refunds were not listed`));
      }
      // A refund proves the payment: if its event has not come yet, apply it first.
      if (canMoveTo(order.status, 'paid')) await markPaid(tx, orderId, now);
      return { outcome: await reconcileStripeRefunds(tx, orderId, context.refunds, now) };
    }
    default:
      return { outcome: 'ignored: event type not used' };
  }
}

async function recordPaymentIntent(tx: Tx, orderId: number, session: Stripe.Checkout.Session) {
  const paymentIntent =
    typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id;
  if (paymentIntent) await tx.order.update({ where: { id: orderId }, data: { stripePaymentIntentId: paymentIntent } });
}

async function closeUnpaid(
  tx: Tx,
  orderId: number,
  status: OrderStatus,
  to: 'expired' | 'payment_failed',
): Promise<EventResult> {
  if (!canMoveTo(status, to)) return { outcome: `ignored: order is ${status}` };
  await tx.order.update({ where: { id: orderId }, data: { status: to } });
  await releaseOrderHolds(tx, [orderId]);
  // The reader is told, with a link back to the cart; one e-mail however often the event comes.
  await enqueueOrderEmail(tx, orderId, { kind: to === 'expired' ? 'payment_expired' : 'payment_failed' });
  return { outcome: to };
}

function markPaid(tx: Tx, orderId: number, now: Date): Promise<EventResult> {
  return confirmOrder(tx, orderId, now, 'paid');
}

/**
 * The order is confirmed: held copies become sales in the stock ledger, and the order enters the
 * order desk (`paid`: « à préparer »).
 * - 'paid': Stripe's payment is in. When the hold had expired (payment after `expires_at`), copies
 *   are taken again if some remain, else ordered from the distributor; if neither is possible the
 *   whole order is refunded and flagged for staff (lib/orders/payment-plan.ts decides; this
 *   applies). The confirmation e-mail and the invoice go in the same transaction.
 * - 'on_account': an organisation's order placed in this very transaction with its holds
 *   (lib/data/buying/orders-on-account.ts): nothing is paid (paidAt stays null), the invoice comes
 *   at dispatch (lib/data/order-desk/workflow.ts), and the consumer's confirmation e-mail (payment
 *   received, withdrawal right) does not apply.
 */
export async function confirmOrder(
  tx: Tx,
  orderId: number,
  now: Date,
  how: 'paid' | 'on_account',
): Promise<EventResult> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      reference: true,
      status: true,
      cartId: true,
      deliveryMethod: true,
      stripePaymentIntentId: true,
      lines: {
        orderBy: { bookId: 'asc' },
        select: {
          id: true,
          bookId: true,
          fromStockQuantity: true,
          backorderQuantity: true,
          shipWithinMinDays: true,
          shipWithinMaxDays: true,
          book: { select: SUPPLY_FACTS_SELECT },
        },
      },
    },
  });
  if (!canMoveTo(order.status, 'paid')) return { outcome: `ignored: order is ${order.status}` };
  // Locking releases every expired hold, this order's included: what is still active is ours.
  const stock = await lockStock(
    tx,
    order.lines.map((line) => line.bookId),
  );
  const activeHolds = await tx.hold.findMany({
    where: { orderId, status: 'active' },
    select: { id: true, bookId: true, quantity: true },
  });
  const plan = planPayment(
    order.lines.map((line) => ({
      lineId: line.id,
      bookId: line.bookId,
      fromStockQuantity: line.fromStockQuantity,
      backorderQuantity: line.backorderQuantity,
      supplierCanSupply: supplierCanSupply(line.book),
    })),
    activeHolds,
    stock,
  );

  if (plan.kind === 'refund') {
    // Copies held a moment ago in the same transaction cannot have gone.
    if (how === 'on_account') throw new Error(`order ${orderId} on account: its holds were not found`);
    const reason =
      'Paiement reçu après l’expiration de la réservation ; exemplaires vendus entre-temps et introuvables chez le distributeur : remboursement automatique.';
    await tx.order.update({ where: { id: orderId }, data: { status: 'paid', paidAt: now, attentionReason: reason } });
    // Paid, then refunded whole: an invoice and, when the refund is applied, its credit note.
    await issueInvoice(tx, orderId, now);
    await releaseOrderHolds(tx, [orderId]);
    return order.stripePaymentIntentId
      ? {
          outcome: 'paid after expiry: refund',
          refund: { orderId, reference: order.reference, paymentIntentId: order.stripePaymentIntentId },
        }
      : { outcome: 'paid after expiry: refund needed, no payment intent' };
  }

  const shipWithinByLine = new Map(
    order.lines.map((line) => [line.id, { minDays: line.shipWithinMinDays, maxDays: line.shipWithinMaxDays }]),
  );
  for (const linePlan of plan.lines) {
    if (linePlan.sold > 0) {
      await tx.stockLevel.update({
        where: { bookId: linePlan.bookId },
        data: {
          onHand: { decrement: linePlan.sold },
          ...(linePlan.fromHold && { held: { decrement: linePlan.sold } }),
        },
      });
      await tx.stockMovement.create({
        data: {
          bookId: linePlan.bookId,
          quantity: -linePlan.sold,
          reason: 'SALE',
          reference: order.reference,
          orderId,
        },
      });
    }
    if (linePlan.consumedHoldId !== null) {
      await tx.hold.update({ where: { id: linePlan.consumedHoldId }, data: { status: 'consumed' } });
    }
    if (linePlan.newAllocation) {
      const book = order.lines.find((line) => line.id === linePlan.lineId)?.book ?? null;
      const shipWithin = book ? lineShipWithin(linePlan.newAllocation, book) : null;
      const range = { minDays: shipWithin?.minDays ?? 0, maxDays: shipWithin?.maxDays ?? 0 };
      await tx.orderLine.update({
        where: { id: linePlan.lineId },
        data: {
          fromStockQuantity: linePlan.newAllocation.fromStock,
          backorderQuantity: linePlan.newAllocation.backorder,
          shipWithinMinDays: range.minDays,
          shipWithinMaxDays: range.maxDays,
        },
      });
      shipWithinByLine.set(linePlan.lineId, range);
    }
  }
  await refreshStoredAvailability(
    tx,
    order.lines.map((line) => line.bookId),
  );
  const data: Prisma.OrderUpdateInput = { status: 'paid', ...(how === 'paid' && { paidAt: now }) };
  if (plan.backorderedCopies > 0) {
    const { orderCutoffHour } = await readShopSettings(tx);
    const window = orderDeliveryWindow(
      orderShipWithin([...shipWithinByLine.values()]),
      order.deliveryMethod,
      now,
      orderCutoffHour,
    );
    data.deliveryEarliestOn = window ? toDateOnly(window.earliest) : null;
    data.deliveryLatestOn = window ? toDateOnly(window.latest) : null;
    data.attentionReason = `Paiement reçu après l’expiration de la réservation : ${plan.backorderedCopies} exemplaire(s) à commander au distributeur ; prévenir le client du nouveau délai.`;
  }
  await tx.order.update({ where: { id: orderId }, data });
  if (order.cartId) await tx.cartLine.deleteMany({ where: { cartId: order.cartId } });
  if (how === 'on_account') return { outcome: 'confirmed on account' };
  // The durable-medium confirmation (Code de la consommation, art. L221-13), owed in this very
  // transaction: written once, sent by the worker even if the app stops right after the commit.
  await enqueueOrderEmail(tx, orderId, { kind: 'order_confirmation' });
  // The invoice, numbered in the payment's transaction (CGI art. 242 nonies A, 7°), last: the
  // counter row it locks is held only until the commit that follows.
  await issueInvoice(tx, orderId, now);
  return {
    outcome: plan.backorderedCopies > 0 ? `paid, ${plan.backorderedCopies} copies backordered after expiry` : 'paid',
  };
}
