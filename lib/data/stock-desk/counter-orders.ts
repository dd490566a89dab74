import 'server-only';
import { issueInvoice } from '@/lib/data/invoicing/invoices';
import type { Prisma } from '@/lib/generated/prisma/client';
import { toDateOnly } from '@/lib/availability';
import { supplierCanSupply } from '@/lib/catalog/book-availability';
import { formatPrice } from '@/lib/core/money';
import { linePublishedOn, lineShipWithin, orderDeliveryWindow, orderShipWithin } from '@/lib/orders/delivery-plan';
import { newOrderReference } from '@/lib/orders/reference';
import { awaitedCopies } from '@/lib/orders/workflow';
import { failure, type Result } from '@/lib/core/result';
import type { CounterOrderForm } from '@/lib/validation/counter-orders';
import { recordAudit } from '@/lib/data/staff/audit';
import { answerWithCounterOrder } from './book-requests';
import { CART_BOOK_SELECT, priceLines } from '@/lib/data/buying/cart';
import { bumpOrderVersion, lockOrder } from '@/lib/data/order-desk/order-lock';
import { getShopSettings } from '@/lib/data/staff/shop-settings';
import { lockStock } from '@/lib/data/stock/stock-holds';
import { bookMovements } from '@/lib/data/stock/stock-ledger';
import type { Actor } from '@/lib/data/staff/staff';
import { Rejection, STOCK_DESK_LIMITS, transact } from '@/lib/data/platform/transactions';

// Special orders at the counter ("commande client"): a customer asks for a book the shop does not
// have. Staff record it as an order of its own (origin `counter`, collected at the shop, priced
// by lib/pricing at the publisher's fixed price), paid now or at pickup, with every copy to order
// from the distributor: it joins the next purchase list (lib/data/stock-desk/purchase-orders.ts) and is
// served by the delivery that brings its copy (lib/data/stock-desk/backorder-allocation.ts), which makes it
// "prête au retrait". No Stripe: money changes hands at the till.

export async function createCounterOrder(
  actor: Actor,
  form: CounterOrderForm,
  now = new Date(),
): Promise<Result<{ reference: string; totalCents: number }>> {
  const { shippingTable, orderCutoffHour } = await getShopSettings();
  return transact(async (tx) => {
    const book = await tx.book.findUnique({ where: { ean: form.ean }, select: CART_BOOK_SELECT });
    if (!book)
      throw new Rejection(failure('UNKNOWN_BOOK', `EAN ${form.ean} : livre inconnu du catalogue. Créez-le d’abord.`));
    if (!supplierCanSupply(book))
      throw new Rejection(
        failure(
          'NOT_ORDERABLE',
          `« ${book.title} » ne peut pas être commandé : son distributeur ne le fournit pas (épuisé, en réimpression ou sans distributeur).`,
        ),
      );
    const allocation = { fromStock: 0, backorder: form.quantity };
    const priced = priceLines([{ book, quantity: form.quantity }], 'shop_pickup', shippingTable);
    if (!priced.ok) throw new Rejection(priced);
    const pricing = priced.order;
    const shipWithin = lineShipWithin(allocation, book, now);
    // A forthcoming title counts from its publication date (docs/decisions/023-pre-orders.md).
    const publishedOn = linePublishedOn(allocation, book, now);
    const window = orderDeliveryWindow(orderShipWithin([shipWithin]), 'shop_pickup', now, orderCutoffHour, publishedOn);
    const line = pricing.lines[0];
    if (!line) throw new Error('Pricing returned no line');
    const order = await tx.order.create({
      data: {
        reference: newOrderReference(),
        status: 'paid',
        origin: 'counter',
        payAtPickup: form.payment === 'at_pickup',
        paidAt: form.payment === 'paid' ? now : null,
        // The customer left an e-mail or a phone number, maybe not both.
        email: form.email ?? '',
        phone: form.phone ?? '',
        fullName: form.fullName,
        deliveryMethod: 'shop_pickup',
        goodsCents: pricing.totals.goodsCents,
        shippingCents: pricing.totals.shippingCents,
        totalCents: pricing.totals.totalInclVatCents,
        pricing: pricing as unknown as Prisma.InputJsonValue,
        deliveryEarliestOn: window ? toDateOnly(window.earliest) : null,
        deliveryLatestOn: window ? toDateOnly(window.latest) : null,
        holdExpiresAt: now,
        lines: {
          create: {
            bookId: book.id,
            ean: book.ean,
            title: book.title,
            quantity: form.quantity,
            unitPriceCents: line.unitPriceCents,
            lineTotalCents: line.lineTotalCents,
            vatRateBasisPoints: line.vatRateBasisPoints,
            fromStockQuantity: 0,
            backorderQuantity: form.quantity,
            shipWithinMinDays: shipWithin?.minDays ?? 0,
            shipWithinMaxDays: shipWithin?.maxDays ?? 0,
            preOrderPublishedOn: publishedOn ? toDateOnly(publishedOn) : null,
          },
        },
      },
      select: { id: true, reference: true, totalCents: true },
    });
    // Paid at the till now: its invoice in this transaction.
    if (form.payment === 'paid') await issueInvoice(tx, order.id, now);
    if (form.request)
      await answerWithCounterOrder(
        tx,
        actor,
        form.request,
        {
          id: order.id,
          reference: order.reference,
          title: book.title,
          quantity: form.quantity,
          totalCents: order.totalCents,
          payAtPickup: form.payment === 'at_pickup',
          latestOn: window ? toDateOnly(window.latest) : null,
        },
        now,
      );
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'order.counter_created',
      orderId: order.id,
      after: {
        title: book.title,
        quantity: form.quantity,
        payment: form.payment,
        totalCents: order.totalCents,
        ...(form.note && { note: form.note }),
      },
      ip: actor.ip,
    });
    return { ok: true as const, reference: order.reference, totalCents: order.totalCents };
  }, STOCK_DESK_LIMITS);
}

/**
 * The customer no longer wants it: copies still awaited are no longer ordered for them, copies
 * already set aside go back on the shelf (SALE_CANCELLED). Money paid at the counter is given
 * back at the till; the message says how much.
 */
export async function cancelCounterOrder(
  actor: Actor,
  input: { reference: string; version: number },
): Promise<Result<{ message: string }>> {
  return transact(async (tx) => {
    // The order desk's lock and version check (lib/data/order-desk/order-lock.ts), its refusal as this transaction's.
    const { id } = await lockOrder(tx, input.reference, input.version).catch((error: unknown) => {
      throw error instanceof Rejection ? new Rejection(error.failure) : error;
    });
    const order = await tx.order.findUniqueOrThrow({
      where: { id },
      select: {
        status: true,
        origin: true,
        paidAt: true,
        totalCents: true,
        reference: true,
        lines: {
          select: {
            id: true,
            bookId: true,
            backorderQuantity: true,
            receivedQuantity: true,
            cancelledBackorderQuantity: true,
          },
        },
      },
    });
    if (order.origin !== 'counter')
      throw new Rejection(failure('NOT_A_COUNTER_ORDER', 'Seule une commande prise au comptoir s’annule ici.'));
    if (order.status !== 'paid' && order.status !== 'ready_for_pickup')
      throw new Rejection(failure('WRONG_STEP', 'Cette commande client est déjà retirée ou annulée.'));
    const setAside = order.lines.filter((line) => line.receivedQuantity > 0);
    await lockStock(
      tx,
      setAside.map((line) => line.bookId),
    );
    for (const line of order.lines) {
      const awaited = awaitedCopies(line);
      if (awaited > 0)
        await tx.orderLine.update({
          where: { id: line.id },
          data: { cancelledBackorderQuantity: { increment: awaited } },
        });
    }
    await bookMovements(
      tx,
      setAside.map((line) => ({
        bookId: line.bookId,
        quantity: line.receivedQuantity,
        reason: 'SALE_CANCELLED',
        reference: order.reference,
        orderId: id,
        staffId: actor.id,
      })),
    );
    await bumpOrderVersion(tx, id, { status: 'cancelled' });
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'order.status_changed',
      orderId: id,
      before: { status: order.status },
      after: { status: 'cancelled' },
      ip: actor.ip,
    });
    const restocked = setAside.reduce((sum, line) => sum + line.receivedQuantity, 0);
    return {
      ok: true as const,
      message: [
        'Commande client annulée.',
        restocked > 0 ? `${restocked} exemplaire${restocked > 1 ? 's' : ''} remis en rayon.` : '',
        order.paidAt ? `Rendez ${formatPrice(order.totalCents)} au client en caisse.` : '',
      ]
        .filter(Boolean)
        .join(' '),
    };
  }, STOCK_DESK_LIMITS);
}
