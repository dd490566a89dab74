import 'server-only';
import { getDb } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { supplierCanSupply } from '@/lib/catalog/supplier-supply';
import { allocate, supplyProblemMessage } from '@/lib/orders/allocation';
import { lineShipWithin, orderDeliveryWindow, orderShipWithin } from '@/lib/orders/delivery-plan';
import { newOrderReference } from '@/lib/orders/reference';
import { HOLD_MINUTES, type OrderForPayment } from '@/lib/payments/checkout-session-params';
import { priceOrder } from '@/lib/pricing';
import { SHOP_SHIPPING_TABLE } from '@/lib/shop/shipping-config';
import { failure, type Failure, type Result } from '@/lib/validation/action-result';
import type { CheckoutForm } from '@/lib/validation/checkout';
import { CART_BOOK_SELECT, pricingInput } from './cart';
import { lockStock, releaseOrderReservations } from './stock-locks';

/** Thrown inside the transaction to roll it back whole; caught below and returned as a value. */
class CheckoutRejected extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

// Buyers of the same book queue on its stock row; let them wait their turn for a while.
const TRANSACTION_LIMITS = { maxWait: 15_000, timeout: 20_000 };

const toDate = (day: Date | undefined) => (day ? new Date(day.toISOString().slice(0, 10)) : null);

/**
 * Turns the cart into an order awaiting payment, in one transaction: prices every line from
 * the database (lib/pricing), holds the copies on hand until the hold expires, and plans the
 * rest as backorders from the distributor. Nothing is written when a line cannot be supplied.
 */
export async function placeOrder(
  cartId: string,
  form: CheckoutForm,
  now: Date,
): Promise<Result<{ order: OrderForPayment; replacedSessionIds: string[] }>> {
  const replacedSessionIds: string[] = [];
  try {
    const order = await getDb().$transaction(async (tx) => {
      const cartLines = await tx.cartLine.findMany({
        where: { cartId },
        orderBy: { bookId: 'asc' },
        select: { quantity: true, book: { select: CART_BOOK_SELECT } },
      });
      if (cartLines.length === 0) throw new CheckoutRejected(failure('EMPTY_CART', 'Votre panier est vide.'));

      const { stock, replacedSessionIds: replaced } = await lockAndReplaceUnpaidOrders(
        tx,
        cartId,
        cartLines.map((line) => line.book.id),
      );
      replacedSessionIds.push(...replaced);
      const plans = cartLines.map(({ book, quantity }) => {
        const row = stock.get(book.id);
        const facts = {
          available: (row?.onHand ?? 0) - (row?.reserved ?? 0),
          supplierCanSupply: supplierCanSupply(book),
        };
        const result = allocate(quantity, facts);
        if (!result.ok)
          throw new CheckoutRejected(failure(result.problem.code, supplyProblemMessage(result.problem, book.title)));
        return { book, quantity, allocation: result.allocation, shipWithin: lineShipWithin(result.allocation, book) };
      });

      const priced = priceOrder(pricingInput(plans, form.deliveryMethod));
      if (!priced.ok) throw new CheckoutRejected(failure(priced.error.code, priced.error.message));
      const pricing = priced.order;
      const window = orderDeliveryWindow(orderShipWithin(plans.map((p) => p.shipWithin)), form.deliveryMethod, now);
      const holdExpiresAt = new Date(now.getTime() + HOLD_MINUTES * 60_000);

      const created = await tx.order.create({
        data: {
          reference: newOrderReference(),
          cartId,
          email: form.email,
          fullName: form.fullName,
          phone: form.phone,
          addressLine1: form.addressLine1,
          addressLine2: form.addressLine2,
          postalCode: form.postalCode,
          city: form.city,
          deliveryMethod: form.deliveryMethod,
          goodsCents: pricing.totals.goodsCents,
          shippingCents: pricing.totals.shippingCents,
          totalCents: pricing.totals.totalInclVatCents,
          pricing: pricing as unknown as Prisma.InputJsonValue,
          deliveryEarliestOn: toDate(window?.earliest),
          deliveryLatestOn: toDate(window?.latest),
          holdExpiresAt,
          lines: {
            create: plans.map((plan, index) => {
              const line = pricing.lines[index];
              if (!line || line.ean !== plan.book.ean) throw new Error('Priced lines do not match the cart lines');
              return {
                bookId: plan.book.id,
                ean: plan.book.ean,
                title: plan.book.title,
                quantity: plan.quantity,
                unitPriceCents: line.unitPriceCents,
                lineTotalCents: line.lineTotalCents,
                vatRateBasisPoints: line.vatRateBasisPoints,
                fromStockQuantity: plan.allocation.fromStock,
                backorderQuantity: plan.allocation.backorder,
                shipWithinMinDays: plan.shipWithin?.minDays ?? 0,
                shipWithinMaxDays: plan.shipWithin?.maxDays ?? 0,
              };
            }),
          },
          reservations: {
            create: plans
              .filter((plan) => plan.allocation.fromStock > 0)
              .map((plan) => ({ bookId: plan.book.id, quantity: plan.allocation.fromStock, expiresAt: holdExpiresAt })),
          },
        },
        select: { id: true, reference: true, email: true, totalCents: true, shippingCents: true, holdExpiresAt: true },
      });
      for (const plan of plans) {
        if (plan.allocation.fromStock === 0) continue;
        await tx.stockLevel.update({
          where: { bookId: plan.book.id },
          data: { reserved: { increment: plan.allocation.fromStock } },
        });
      }
      return {
        ...created,
        shippingLabel: SHOP_SHIPPING_TABLE[form.deliveryMethod].label,
        lines: plans.map((plan, index) => ({
          ean: plan.book.ean,
          title: plan.book.title,
          quantity: plan.quantity,
          unitPriceCents: pricing.lines[index]?.unitPriceCents ?? 0,
        })),
      };
    }, TRANSACTION_LIMITS);
    return { ok: true, order, replacedSessionIds };
  } catch (error) {
    if (error instanceof CheckoutRejected) return error.failure;
    // Too many buyers queued on the same copies: say so instead of failing the page.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2028') {
      return failure('BUSY', 'Beaucoup de commandes arrivent en même temps : réessayez dans un instant.');
    }
    throw error;
  }
}

/**
 * Locks the stock of the cart's books and, when the reader comes back from the payment page
 * and orders again, replaces the cart's unpaid order: its holds return to the shelf (a late
 * payment of it is still honoured by the webhook). Every book involved is locked at once, in
 * one order, so this never deadlocks with another buyer.
 */
async function lockAndReplaceUnpaidOrders(tx: Prisma.TransactionClient, cartId: string, bookIds: number[]) {
  const unpaid = await tx.order.findMany({
    where: { cartId, status: 'pending_payment' },
    select: {
      id: true,
      stripeSessionId: true,
      reservations: { where: { status: 'active' }, select: { bookId: true } },
    },
  });
  const heldBookIds = unpaid.flatMap((order) => order.reservations.map((r) => r.bookId));
  let stock = await lockStock(tx, [...bookIds, ...heldBookIds]);
  if (unpaid.length > 0) {
    const ids = unpaid.map((order) => order.id);
    await releaseOrderReservations(tx, ids, { stockLocked: true });
    await tx.order.updateMany({ where: { id: { in: ids } }, data: { status: 'expired' } });
    const rows = await tx.stockLevel.findMany({
      where: { bookId: { in: [...stock.keys()] } },
      select: { bookId: true, onHand: true, reserved: true },
    });
    stock = new Map(rows.map((row) => [row.bookId, row]));
  }
  return {
    stock,
    replacedSessionIds: unpaid.flatMap((order) => (order.stripeSessionId ? [order.stripeSessionId] : [])),
  };
}

export async function attachCheckoutSession(orderId: number, sessionId: string): Promise<void> {
  await getDb().order.update({ where: { id: orderId }, data: { stripeSessionId: sessionId } });
}

/** The payment could not start (Stripe unreachable): the order expires and its copies return. */
export async function abandonOrder(orderId: number, reason: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const updated = await tx.order.updateMany({
      where: { id: orderId, status: 'pending_payment' },
      data: { status: 'expired', attentionReason: reason },
    });
    if (updated.count > 0) await releaseOrderReservations(tx, [orderId]);
  });
}
