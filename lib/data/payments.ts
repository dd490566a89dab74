import 'server-only';
import type Stripe from 'stripe';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { OrderStatus } from '@/lib/generated/prisma/enums';
import { supplierCanSupply } from '@/lib/catalog/supplier-supply';
import { lineShipWithin, orderDeliveryWindow, orderShipWithin } from '@/lib/orders/delivery-plan';
import { canMoveTo } from '@/lib/orders/status';
import { reconcileStripeRefunds, type StripeRefundFact } from './refunds';
import { lockStock, refreshStoredAvailability, releaseOrderReservations } from './stock-locks';

type Tx = Prisma.TransactionClient;

/**
 * The event cannot be applied yet (a refund whose payment has not been recorded): nothing is
 * written and the webhook answers non-2xx, so Stripe delivers it again later
 * (https://docs.stripe.com/webhooks#retries).
 */
export class EventNotYetApplicable extends Error {}

export type RefundRequest = { orderId: number; reference: string; paymentIntentId: string };
export type EventResult = { outcome: string; refund?: RefundRequest };

/** What the webhook fetched from Stripe for an event whose object does not say it all. */
export type EventContext = {
  /**
   * For `charge.refunded`: the payment's refunds as Stripe lists them. The event's Charge has
   * only the total refunded (its `refunds` list is not included since API 2022-11-15), and the
   * order desk needs to know which of its refunds went through (lib/data/refunds.ts).
   */
  refunds?: StripeRefundFact[];
};

/**
 * Applies one Stripe event. The event id is recorded in the same transaction as its effect,
 * so a redelivery is a no-op (https://docs.stripe.com/webhooks#handle-duplicate-events);
 * the order row is locked, and its status only moves forward, so events in any order end
 * in the same state (https://docs.stripe.com/webhooks#event-ordering).
 */
export async function applyStripeEvent(
  event: Stripe.Event,
  now: Date,
  context: EventContext = {},
): Promise<EventResult> {
  return getDb().$transaction(async (tx) => {
    const recorded = await tx.paymentEvent.createMany({
      data: [{ id: event.id, type: event.type, outcome: 'en cours' }],
      skipDuplicates: true,
    });
    if (recorded.count === 0) return { outcome: 'duplicate' };

    const orderId = await findOrderId(tx, event);
    if (orderId === null && event.type === 'charge.refunded') {
      throw new EventNotYetApplicable(`${event.id}: no order has this payment yet`);
    }
    const result: EventResult =
      orderId === null
        ? { outcome: 'ignored: no matching order' }
        : await applyToOrder(tx, orderId, event, now, context);
    await tx.paymentEvent.update({ where: { id: event.id }, data: { outcome: result.outcome, orderId } });
    return result;
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
      // Order desk (issue 8): partial or full, asked at the desk or elsewhere, each refund
      // Stripe lists is applied once under this lock, in whichever order the API answer and
      // this event come (lib/data/refunds.ts); the order turns `remboursée` when every euro is
      // back. Without the list (Stripe unreachable) nothing is written and Stripe retries.
      if (!context.refunds) throw new EventNotYetApplicable(`${event.id}: the payment's refunds were not listed`);
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
  await releaseOrderReservations(tx, [orderId]);
  return { outcome: to };
}

/**
 * The payment is in: held copies become sales in the stock ledger. When the hold had expired
 * (payment after `expires_at`), copies are taken again if some remain, else ordered from the
 * distributor; if neither is possible the whole order is refunded and flagged for staff.
 */
async function markPaid(tx: Tx, orderId: number, now: Date): Promise<EventResult> {
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
          book: {
            select: {
              supplierAvailabilityCode: true,
              expectedOn: true,
              supplier: { select: { leadTimeMinDays: true, leadTimeMaxDays: true } },
            },
          },
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
  const active = await tx.reservation.findMany({
    where: { orderId, status: 'active' },
    select: { id: true, bookId: true, quantity: true },
  });

  // Plan first, write after: a refund must leave the stock untouched.
  const plans = order.lines.map((line) => {
    const held = active.find((r) => r.bookId === line.bookId);
    if (held || line.fromStockQuantity === 0) return { line, held, takeAgain: 0, toBackorder: 0 };
    const row = stock.get(line.bookId);
    const available = Math.max((row?.onHand ?? 0) - (row?.reserved ?? 0), 0);
    const takeAgain = Math.min(available, line.fromStockQuantity);
    return { line, held, takeAgain, toBackorder: line.fromStockQuantity - takeAgain };
  });
  const unsuppliable = plans.filter((p) => p.toBackorder > 0 && !supplierCanSupply(p.line.book));
  if (unsuppliable.length > 0) {
    const reason =
      'Paiement reçu après l’expiration de la réservation ; exemplaires vendus entre-temps et introuvables chez le distributeur : remboursement automatique.';
    await tx.order.update({ where: { id: orderId }, data: { status: 'paid', paidAt: now, attentionReason: reason } });
    await releaseOrderReservations(tx, [orderId]);
    return order.stripePaymentIntentId
      ? {
          outcome: 'paid after expiry: refund',
          refund: { orderId, reference: order.reference, paymentIntentId: order.stripePaymentIntentId },
        }
      : { outcome: 'paid after expiry: refund needed, no payment intent' };
  }

  let backordered = 0;
  for (const plan of plans) {
    const sold = plan.held ? plan.held.quantity : plan.takeAgain;
    if (sold > 0) {
      await tx.stockLevel.update({
        where: { bookId: plan.line.bookId },
        data: { onHand: { decrement: sold }, ...(plan.held && { reserved: { decrement: sold } }) },
      });
      await tx.stockMovement.create({
        data: { bookId: plan.line.bookId, quantity: -sold, reason: 'SALE', reference: order.reference, orderId },
      });
    }
    if (plan.held) await tx.reservation.update({ where: { id: plan.held.id }, data: { status: 'consumed' } });
    if (plan.toBackorder > 0) {
      backordered += plan.toBackorder;
      const allocation = { fromStock: plan.takeAgain, backorder: plan.line.backorderQuantity + plan.toBackorder };
      const shipWithin = lineShipWithin(allocation, plan.line.book);
      await tx.orderLine.update({
        where: { id: plan.line.id },
        data: {
          fromStockQuantity: allocation.fromStock,
          backorderQuantity: allocation.backorder,
          shipWithinMinDays: shipWithin?.minDays ?? 0,
          shipWithinMaxDays: shipWithin?.maxDays ?? 0,
        },
      });
      plan.line.shipWithinMinDays = shipWithin?.minDays ?? 0;
      plan.line.shipWithinMaxDays = shipWithin?.maxDays ?? 0;
    }
  }
  await refreshStoredAvailability(
    tx,
    order.lines.map((line) => line.bookId),
  );

  const data: Prisma.OrderUpdateInput = { status: 'paid', paidAt: now };
  if (backordered > 0) {
    const window = orderDeliveryWindow(
      orderShipWithin(order.lines.map((l) => ({ minDays: l.shipWithinMinDays, maxDays: l.shipWithinMaxDays }))),
      order.deliveryMethod,
      now,
    );
    data.deliveryEarliestOn = window ? new Date(window.earliest.toISOString().slice(0, 10)) : null;
    data.deliveryLatestOn = window ? new Date(window.latest.toISOString().slice(0, 10)) : null;
    data.attentionReason = `Paiement reçu après l’expiration de la réservation : ${backordered} exemplaire(s) à commander au distributeur ; prévenir le client du nouveau délai.`;
  }
  await tx.order.update({ where: { id: orderId }, data });
  if (order.cartId) await tx.cartLine.deleteMany({ where: { cartId: order.cartId } });
  return { outcome: backordered > 0 ? `paid, ${backordered} copies backordered after expiry` : 'paid' };
}
