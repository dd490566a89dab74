import 'server-only';
import { getDb } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { toDateOnly } from '@/lib/availability';
import { allocate } from '@/lib/orders/allocation';
import { lineShipWithin, orderDeliveryWindow, orderShipWithin } from '@/lib/orders/delivery-plan';
import { newOrderReference } from '@/lib/orders/reference';
import type { OrderForPayment } from '@/lib/payments/checkout-session-params';
import { SHOP } from '@/lib/shop/config';
import { SHOP_SHIPPING_TABLE } from '@/lib/shop/shipping-config';
import { failure, type Failure, type Result } from '@/lib/validation/action-result';
import type { CheckoutForm } from '@/lib/validation/checkout';
import { CART_BOOK_SELECT, priceLines, supplyFacts } from './cart';
import { lockStock, releaseOrderHolds, type StockRow } from './stock-holds';

/** Thrown inside the transaction to roll it back whole; caught below and returned as a value. */
class CheckoutRejected extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

// Buyers of the same book queue on its stock row; let them wait their turn for a while.
const TRANSACTION_LIMITS = { maxWait: 15_000, timeout: 20_000 };

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
  try {
    return await getDb().$transaction(async (tx) => {
      // One checkout at a time per cart, whatever the number of tabs, clicks or app instances.
      await tx.$queryRaw`SELECT 1 FROM "Cart" WHERE "id" = ${cartId}::uuid FOR UPDATE`;
      const cartLines = await tx.cartLine.findMany({
        where: { cartId },
        orderBy: { bookId: 'asc' },
        select: { quantity: true, book: { select: CART_BOOK_SELECT } },
      });
      if (cartLines.length === 0) throw new CheckoutRejected(failure('EMPTY_CART', 'Votre panier est vide.'));

      const { stock, replacedSessionIds } = await lockAndReplaceUnpaidOrders(
        tx,
        cartId,
        cartLines.map((line) => line.book.id),
      );
      const plans = cartLines.map(({ book, quantity }) => {
        const result = allocate(quantity, supplyFacts(book, stock.get(book.id) ?? null));
        if (!result.ok) throw new CheckoutRejected(result);
        return { book, quantity, allocation: result.allocation, shipWithin: lineShipWithin(result.allocation, book) };
      });

      const priced = priceLines(plans, form.deliveryMethod);
      if (!priced.ok) throw new CheckoutRejected(priced);
      const pricing = priced.order;
      const window = orderDeliveryWindow(orderShipWithin(plans.map((p) => p.shipWithin)), form.deliveryMethod, now);
      const holdExpiresAt = new Date(now.getTime() + SHOP.holdMinutes * 60_000);

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
          deliveryEarliestOn: window ? toDateOnly(window.earliest) : null,
          deliveryLatestOn: window ? toDateOnly(window.latest) : null,
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
          holds: {
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
          data: { held: { increment: plan.allocation.fromStock } },
        });
      }
      const order: OrderForPayment = {
        ...created,
        shippingLabel: SHOP_SHIPPING_TABLE[form.deliveryMethod].label,
        lines: plans.map((plan, index) => ({
          ean: plan.book.ean,
          title: plan.book.title,
          quantity: plan.quantity,
          unitPriceCents: pricing.lines[index]?.unitPriceCents ?? 0,
        })),
      };
      return { ok: true as const, order, replacedSessionIds };
    }, TRANSACTION_LIMITS);
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
 * one order, so this never deadlocks with another buyer. Call with the cart row locked.
 */
async function lockAndReplaceUnpaidOrders(
  tx: Prisma.TransactionClient,
  cartId: string,
  bookIds: number[],
): Promise<{ stock: Map<number, StockRow>; replacedSessionIds: string[] }> {
  const unpaid = await tx.order.findMany({
    where: { cartId, status: 'pending_payment' },
    select: { id: true, stripeSessionId: true, holds: { where: { status: 'active' }, select: { bookId: true } } },
  });
  const heldBookIds = unpaid.flatMap((order) => order.holds.map((hold) => hold.bookId));
  const stock = await lockStock(tx, [...bookIds, ...heldBookIds]);
  if (unpaid.length === 0) return { stock, replacedSessionIds: [] };

  const ids = unpaid.map((order) => order.id);
  await releaseOrderHolds(tx, ids, { stockLocked: true });
  await tx.order.updateMany({ where: { id: { in: ids } }, data: { status: 'replaced' } });
  const rows = await tx.stockLevel.findMany({
    where: { bookId: { in: [...stock.keys()] } },
    select: { bookId: true, onHand: true, held: true },
  });
  return {
    stock: new Map(rows.map((row) => [row.bookId, row])),
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
    if (updated.count > 0) await releaseOrderHolds(tx, [orderId]);
  });
}
