import 'server-only';
import { createHash } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import { toDateOnly } from '@/lib/availability';
import { allocate } from '@/lib/orders/allocation';
import { linePublishedOn, lineShipWithin, orderWindowOfPlans } from '@/lib/orders/delivery-plan';
import { newOrderReference } from '@/lib/orders/reference';
import type { OrderForPayment } from '@/lib/payments/checkout-session-params';
import { SHOP } from '@/lib/shop/config';
import type { ShippingTable } from '@/lib/pricing';
import { failure, type Result } from '@/lib/core/result';
import type { CheckoutForm } from '@/lib/validation/checkout';
import { orderTooLarge, priceLines, supplyFacts } from './cart';
import { insertOrderWithHolds, readCheckoutCart, type CheckoutBook, type NewOrder } from './checkout-statements';
import { lockStock, releaseOrderHolds, type StockRow } from '@/lib/data/stock/stock-holds';
import { getShopSettings } from '@/lib/data/staff/shop-settings';
import { BUYING_PATH_LIMITS, Rejection, transact, transactOrThrow, type Tx } from '@/lib/data/platform/transactions';

export type PlacedOrder = {
  order: OrderForPayment;
  /** Payment pages of the unpaid orders this one replaced: to close at Stripe. */
  replacedSessionIds: string[];
  /** Set when an identical "Commander" already opened a payment page: go back to it. */
  existingSessionUrl: string | null;
};

/**
 * Turns the cart into an order awaiting payment, in one transaction: prices every line from
 * the database (lib/pricing), holds the copies on hand, and plans the rest as backorders from
 * the distributor. Nothing is written when a line cannot be supplied.
 * - One checkout at a time per cart (its row is locked) and per client (an advisory lock on its
 *   key): a double click or two tabs leave one unpaid order. An identical "Commander" (same
 *   lines, same form) goes back to the order already placed; a different one replaces it.
 * - The copies are held for SHOP.provisionalHoldMinutes until the payment page exists
 *   (attachCheckoutSession extends them), so a crash in between strands nothing for long.
 * - One client holds at most SHOP.maxHeldCopiesPerClient copies across its unpaid orders.
 */
export async function placeOrder(
  cartId: string,
  form: CheckoutForm,
  now: Date,
  clientKey: string,
): Promise<Result<PlacedOrder>> {
  const { shippingTable, orderCutoffHour } = await getShopSettings();
  return transact(async (tx) => {
    // Client first, then cart: one order of locks for every checkout, one round trip.
    await tx.$queryRaw`
      SELECT pg_advisory_xact_lock(hashtextextended(${`client:${clientKey}`}, 0))::text AS client,
             (SELECT 1 FROM "Cart" WHERE "id" = ${cartId}::uuid FOR UPDATE) AS cart`;
    const {
      lines: cartLines,
      unpaid,
      clientHeld,
    } = await readCheckoutCart(tx, cartId, clientKey, now, REUSE_MARGIN_MINUTES);
    if (cartLines.length === 0) throw new Rejection(failure('EMPTY_CART', 'Votre panier est vide.'));
    if (cartLines.reduce((sum, line) => sum + line.quantity, 0) > SHOP.maxCopiesPerOrder) {
      throw new Rejection(orderTooLarge());
    }
    const fingerprint = checkoutFingerprint(cartLines, form);

    const same = unpaid.find((order) => order.checkoutFingerprint === fingerprint && order.reusable);
    if (same && unpaid.length === 1) {
      return {
        ok: true as const,
        order: await loadOrderForPayment(tx, same.id, shippingTable),
        replacedSessionIds: [],
        existingSessionUrl: same.stripeSessionUrl,
      };
    }

    const { stock, replacedSessionIds } = await lockAndReplaceUnpaidOrders(
      tx,
      unpaid.map((order) => order.id),
      cartLines.map((line) => line.book.id),
    );
    const plans = planCartLines(cartLines, stock, now);
    const copiesToHold = plans.reduce((sum, plan) => sum + plan.allocation.fromStock, 0);
    // Holds of orders this checkout replaces were just released: they no longer count.
    if (copiesToHold > 0)
      checkClientHoldCap(unpaid.length > 0 ? await heldByClient(tx, clientKey) : clientHeld, copiesToHold);

    const priced = priceLines(plans, form.deliveryMethod, shippingTable);
    if (!priced.ok) throw new Rejection(priced);
    const pricing = priced.order;
    const window = orderWindowOfPlans(plans, form.deliveryMethod, now, orderCutoffHour);
    const holdExpiresAt = new Date(now.getTime() + SHOP.holdMinutes * 60_000);
    const provisionalExpiry = new Date(now.getTime() + SHOP.provisionalHoldMinutes * 60_000);

    const reference = newOrderReference();
    const orderId = await insertOrderWithHolds(tx, {
      reference,
      cartId,
      email: form.email,
      fullName: form.fullName,
      phone: form.phone,
      addressLine1: form.addressLine1 ?? null,
      addressLine2: form.addressLine2 ?? null,
      postalCode: form.postalCode ?? null,
      city: form.city ?? null,
      deliveryMethod: form.deliveryMethod,
      goodsCents: pricing.totals.goodsCents,
      shippingCents: pricing.totals.shippingCents,
      totalCents: pricing.totals.totalInclVatCents,
      pricing: pricing as unknown as Prisma.InputJsonValue,
      deliveryEarliestOn: window ? toDateOnly(window.earliest) : null,
      deliveryLatestOn: window ? toDateOnly(window.latest) : null,
      holdExpiresAt,
      checkoutFingerprint: fingerprint,
      clientKey,
      lines: orderLinesOf(plans, pricing),
      holdsExpireAt: provisionalExpiry,
    });
    const order: OrderForPayment = {
      id: orderId,
      reference,
      email: form.email,
      totalCents: pricing.totals.totalInclVatCents,
      shippingCents: pricing.totals.shippingCents,
      holdExpiresAt,
      shippingLabel: shippingTable[form.deliveryMethod].label,
      lines: plans.map((plan, index) => ({
        ean: plan.book.ean,
        title: plan.book.title,
        quantity: plan.quantity,
        unitPriceCents: pricing.lines[index]?.unitPriceCents ?? 0,
      })),
    };
    return { ok: true as const, order, replacedSessionIds, existingSessionUrl: null };
  });
}

/** An identical order is reused only if its copies stay held long enough to pay. */
const REUSE_MARGIN_MINUTES = 10;

/** The same cart lines and the same form give the same fingerprint. */
/**
 * Each cart line's share of the shelf and of the distributor, its delay and a pre-order's
 * publication date, from the locked stock rows: the card path and the order on account plan alike.
 */
export function planCartLines<Book extends CheckoutBook>(
  cartLines: { book: Book; quantity: number }[],
  stock: Map<number, StockRow>,
  now: Date,
) {
  return cartLines.map(({ book, quantity }) => {
    const result = allocate(quantity, supplyFacts(book, stock.get(book.id) ?? null));
    if (!result.ok) throw new Rejection(result);
    return {
      book,
      quantity,
      allocation: result.allocation,
      shipWithin: lineShipWithin(result.allocation, book, now),
      publishedOn: linePublishedOn(result.allocation, book, now),
    };
  });
}

/** The order's lines as written: each planned line with its price, in the cart's order. */
export function orderLinesOf(
  plans: ReturnType<typeof planCartLines>,
  pricing: { lines: { ean: string; unitPriceCents: number; lineTotalCents: number; vatRateBasisPoints: number }[] },
): NewOrder['lines'] {
  return plans.map((plan, index) => {
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
      preOrderPublishedOn: plan.publishedOn ? toDateOnly(plan.publishedOn) : null,
    };
  });
}

function checkoutFingerprint(lines: { quantity: number; book: { id: number } }[], form: CheckoutForm): string {
  const content = JSON.stringify({ lines: lines.map((line) => [line.book.id, line.quantity]), form });
  return createHash('sha256').update(content).digest('hex');
}

/** Copies this client holds in its unpaid orders, read again after some were released. */
async function heldByClient(tx: Tx, clientKey: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ held: number }[]>`
    SELECT COALESCE(SUM(h."quantity"), 0)::int AS held
    FROM "Hold" h JOIN "Order" o ON o."id" = h."orderId"
    WHERE o."clientKey" = ${clientKey} AND o."status" = 'pending_payment'
      AND h."status" = 'active' AND h."expiresAt" > now()`;
  return row?.held ?? 0;
}

function checkClientHoldCap(held: number, copiesToHold: number): void {
  if (held + copiesToHold <= SHOP.maxHeldCopiesPerClient) return;
  throw new Rejection(
    failure(
      'HOLD_LIMIT',
      `Vous avez déjà ${held} exemplaire${held > 1 ? 's' : ''} réservé${held > 1 ? 's' : ''} dans des commandes en attente de paiement ; au plus ${SHOP.maxHeldCopiesPerClient} à la fois. Réglez ou laissez expirer ces commandes avant d’en passer une autre.`,
    ),
  );
}

/** What Stripe's Checkout Session is built from, read back from the order as stored. */
async function loadOrderForPayment(tx: Tx, orderId: number, shippingTable: ShippingTable): Promise<OrderForPayment> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      reference: true,
      email: true,
      totalCents: true,
      shippingCents: true,
      holdExpiresAt: true,
      deliveryMethod: true,
    },
  });
  const lines = await tx.orderLine.findMany({
    where: { orderId },
    orderBy: { bookId: 'asc' },
    select: { ean: true, title: true, quantity: true, unitPriceCents: true },
  });
  const { deliveryMethod, ...rest } = order;
  return { ...rest, shippingLabel: shippingTable[deliveryMethod].label, lines };
}

/**
 * Locks the stock of the cart's books and of the cart's unpaid orders, and replaces those
 * orders: their holds return to the shelf (a late payment of one is still honoured by the
 * webhook). Every book involved is locked at once, in one order, so this never deadlocks.
 */
export async function lockAndReplaceUnpaidOrders(
  tx: Tx,
  unpaidOrderIds: number[],
  bookIds: number[],
): Promise<{ stock: Map<number, StockRow>; replacedSessionIds: string[] }> {
  const heldBookIds =
    unpaidOrderIds.length === 0
      ? []
      : (
          await tx.hold.findMany({
            where: { orderId: { in: unpaidOrderIds }, status: 'active' },
            select: { bookId: true },
          })
        ).map((hold) => hold.bookId);
  const stock = await lockStock(tx, [...bookIds, ...heldBookIds]);
  if (unpaidOrderIds.length === 0) return { stock, replacedSessionIds: [] };

  await releaseOrderHolds(tx, unpaidOrderIds, { stockLocked: true });
  await tx.order.updateMany({ where: { id: { in: unpaidOrderIds } }, data: { status: 'replaced' } });
  const rows = await tx.stockLevel.findMany({
    where: { bookId: { in: [...stock.keys()] } },
    select: { bookId: true, onHand: true, held: true },
  });
  const replaced = await tx.order.findMany({
    where: { id: { in: unpaidOrderIds }, stripeSessionId: { not: null } },
    select: { stripeSessionId: true },
  });
  return {
    stock: new Map(rows.map((row) => [row.bookId, row])),
    replacedSessionIds: replaced.flatMap((order) => (order.stripeSessionId ? [order.stripeSessionId] : [])),
  };
}

/**
 * Records the order's payment page and holds its copies until the order's expiry (the same
 * instant as the session's `expires_at`). False when the order was replaced or closed
 * meanwhile: the caller closes the page it just opened.
 */
export async function attachCheckoutSession(orderId: number, sessionId: string, sessionUrl: string): Promise<boolean> {
  return transactOrThrow(async (tx) => {
    const attached = await tx.order.updateMany({
      where: { id: orderId, status: 'pending_payment' },
      data: { stripeSessionId: sessionId, stripeSessionUrl: sessionUrl },
    });
    if (attached.count === 0) return false;
    await tx.$executeRaw`
      UPDATE "Hold" h SET "expiresAt" = o."holdExpiresAt", "updatedAt" = now()
      FROM "Order" o
      WHERE h."orderId" = o."id" AND o."id" = ${orderId} AND h."status" = 'active'`;
    return true;
  }, BUYING_PATH_LIMITS);
}

/** The payment could not start (Stripe unreachable): the order expires and its copies return. */
export async function abandonOrder(orderId: number, reason: string): Promise<void> {
  await transactOrThrow(async (tx) => {
    const updated = await tx.order.updateMany({
      where: { id: orderId, status: 'pending_payment' },
      data: { status: 'expired', attentionReason: reason },
    });
    if (updated.count > 0) await releaseOrderHolds(tx, [orderId]);
  }, BUYING_PATH_LIMITS);
}
