import type Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCarts, createTestBook } from '@/scripts/test/fixtures/books';
import { SAMPLE_CHECKOUT_FORM } from '@/scripts/test/fixtures/checkout-form';
import { openTestDatabase } from '@/scripts/test/test-database';
import type { EventContext } from './payments';

// Real PostgreSQL; events built as Stripe sends them (the emulator's own tests check the
// wire format against Stripe's OpenAPI schema).
const db = openTestDatabase();
let payments: typeof import('./payments');
let checkout: typeof import('./checkout');

beforeAll(async () => {
  payments = await import('./payments');
  checkout = await import('./checkout');
});

const FORM = SAMPLE_CHECKOUT_FORM;

let eventCounter = 0;
type Order = { id: number; reference: string; totalCents: number; sessionId: string };

function sessionEvent(type: string, order: Order, fields: Partial<Stripe.Checkout.Session> = {}): Stripe.Event {
  eventCounter += 1;
  return {
    id: `evt_test_${eventCounter}`,
    object: 'event',
    type,
    data: {
      object: {
        id: order.sessionId,
        object: 'checkout.session',
        client_reference_id: order.reference,
        metadata: { order_id: String(order.id), order_reference: order.reference },
        payment_status: 'unpaid',
        payment_intent: null,
        ...fields,
      },
    },
  } as unknown as Stripe.Event;
}

function refundEvent(order: Order, paymentIntent: string): Stripe.Event {
  eventCounter += 1;
  return {
    id: `evt_test_${eventCounter}`,
    object: 'event',
    type: 'charge.refunded',
    data: {
      object: {
        id: `ch_${eventCounter}`,
        object: 'charge',
        amount: order.totalCents,
        amount_refunded: order.totalCents,
        payment_intent: paymentIntent,
      },
    },
  } as unknown as Stripe.Event;
}

/**
 * What the webhook route lists from Stripe for `charge.refunded` (the event's Charge does not
 * carry its refunds): here one refund of the whole charge, made outside the order desk.
 */
function refundsListedFor(event: Stripe.Event): EventContext {
  if (event.type !== 'charge.refunded') return {};
  const charge = event.data.object as Stripe.Charge;
  return { refunds: [{ id: `re_${charge.id}`, amount: charge.amount_refunded, status: 'succeeded', metadata: {} }] };
}

async function placeTestOrder(options: { onHand: number; withSupplier: boolean; quantity?: number }) {
  const book = await createTestBook(db, options);
  const [cartId] = await createCarts(db, book.id, 1, options.quantity ?? 1);
  const placed = await checkout.placeOrder(cartId!, FORM, new Date(), `client-${cartId}`);
  if (!placed.ok) throw new Error(placed.message);
  const sessionId = `cs_test_${placed.order.reference}`;
  await checkout.attachCheckoutSession(placed.order.id, sessionId, `https://pay.example/${sessionId}`);
  return { book, order: { ...placed.order, sessionId }, cartId: cartId! };
}

/** Delivers like Stripe: in the given order, redelivering what was answered "not yet". */
async function deliver(events: Stripe.Event[]) {
  let queue = [...events];
  for (let round = 0; round < 5 && queue.length > 0; round += 1) {
    const retry: Stripe.Event[] = [];
    for (const event of queue) {
      const result = await payments.applyStripeEvent(event, new Date(), refundsListedFor(event));
      if (!result.ok) {
        expect(result.code).toBe('EVENT_NOT_YET_APPLICABLE');
        retry.push(event);
      } else if (result.refund) {
        throw new Error('unexpected refund request');
      }
    }
    queue = retry;
  }
  expect(queue).toEqual([]);
}

async function snapshot(orderId: number, bookId: number) {
  const order = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { status: true, stripePaymentIntentId: true },
  });
  const stock = await db.stockLevel.findUniqueOrThrow({ where: { bookId }, select: { onHand: true, held: true } });
  const holds = await db.hold.findMany({ where: { orderId }, select: { status: true, quantity: true } });
  const movements = await db.stockMovement.findMany({ where: { orderId }, select: { quantity: true, reason: true } });
  return { order, stock, holds, movements };
}

function shuffledTriples(events: Stripe.Event[], seed: number): Stripe.Event[] {
  const all = [...events, ...events, ...events];
  let state = seed;
  for (let i = all.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}

describe('Stripe events', () => {
  it('paid: the hold becomes a sale in the ledger and the cart is emptied', async () => {
    const { book, order, cartId } = await placeTestOrder({ onHand: 3, withSupplier: false, quantity: 2 });
    await deliver([
      sessionEvent('checkout.session.completed', order, { payment_status: 'paid', payment_intent: 'pi_paid_1' }),
    ]);
    const state = await snapshot(order.id, book.id);
    expect(state.order).toEqual({ status: 'paid', stripePaymentIntentId: 'pi_paid_1' });
    expect(state.stock).toEqual({ onHand: 1, held: 0 });
    expect(state.holds).toEqual([{ status: 'consumed', quantity: 2 }]);
    expect(state.movements).toEqual([{ quantity: -2, reason: 'SALE' }]);
    expect(await db.cartLine.count({ where: { cartId } })).toBe(0);
  });

  it('expired: the hold is released and the order is expirée', async () => {
    const { book, order } = await placeTestOrder({ onHand: 2, withSupplier: false });
    await deliver([sessionEvent('checkout.session.expired', order)]);
    const state = await snapshot(order.id, book.id);
    expect(state.order.status).toBe('expired');
    expect(state.stock).toEqual({ onHand: 2, held: 0 });
    expect(state.holds).toEqual([{ status: 'released', quantity: 1 }]);
  });

  // A session either completes (then maybe is refunded) or expires: Stripe never sends both.
  it.each([1, 2, 3, 4, 5])(
    'each event delivered 3 times in shuffled order (seed %i) ends as once in order',
    async (seed) => {
      const make = async () => {
        const placed = await placeTestOrder({ onHand: 4, withSupplier: false });
        const events = [
          sessionEvent('checkout.session.completed', placed.order, {
            payment_status: 'unpaid',
            payment_intent: `pi_async_${placed.order.reference}`,
          }),
          sessionEvent('checkout.session.async_payment_succeeded', placed.order, {
            payment_status: 'paid',
            payment_intent: `pi_async_${placed.order.reference}`,
          }),
          refundEvent(placed.order, `pi_async_${placed.order.reference}`),
        ];
        return { ...placed, events };
      };
      const inOrder = await make();
      await deliver(inOrder.events);
      const shuffled = await make();
      await deliver(shuffledTriples(shuffled.events, seed));

      const expected = await snapshot(inOrder.order.id, inOrder.book.id);
      const actual = await snapshot(shuffled.order.id, shuffled.book.id);
      expect(expected.order.status).toBe('refunded');
      expect(expected.stock).toEqual({ onHand: 3, held: 0 });
      expect({ ...actual, order: { status: actual.order.status } }).toEqual({
        ...expected,
        order: { status: expected.order.status },
      });
      expect(await db.paymentEvent.count({ where: { orderId: shuffled.order.id } })).toBe(3);
    },
  );

  it('an async payment that fails releases the hold', async () => {
    const { book, order } = await placeTestOrder({ onHand: 1, withSupplier: false });
    await deliver([
      sessionEvent('checkout.session.completed', order, { payment_status: 'unpaid', payment_intent: 'pi_fail' }),
      sessionEvent('checkout.session.async_payment_failed', order),
      sessionEvent('checkout.session.async_payment_succeeded', order, { payment_status: 'paid' }),
    ]);
    const state = await snapshot(order.id, book.id);
    // Forward only: payment_failed → paid is allowed (Stripe does not send both), and the copy is taken again.
    expect(state.order.status).toBe('paid');
    expect(state.stock).toEqual({ onHand: 0, held: 0 });
  });
});

describe('ordering again from the same cart', () => {
  it('replaces the unpaid order: its hold returns to the shelf, the new one holds', async () => {
    const { book, order, cartId } = await placeTestOrder({ onHand: 2, withSupplier: false, quantity: 2 });
    const again = await checkout.placeOrder(
      cartId,
      { ...FORM, deliveryMethod: 'shop_pickup' },
      new Date(),
      `client-${cartId}`,
    );
    if (!again.ok) throw new Error(again.message);
    expect(again.replacedSessionIds).toEqual([order.sessionId]);
    expect((await snapshot(order.id, book.id)).order.status).toBe('replaced');
    expect(
      await db.hold.findMany({
        where: { bookId: book.id },
        select: { orderId: true, status: true },
        orderBy: { id: 'asc' },
      }),
    ).toEqual([
      { orderId: order.id, status: 'released' },
      { orderId: again.order.id, status: 'active' },
    ]);
    expect(
      await db.stockLevel.findUniqueOrThrow({ where: { bookId: book.id }, select: { onHand: true, held: true } }),
    ).toEqual({ onHand: 2, held: 2 });
  });
});

describe('payment after the hold expired', () => {
  async function expireHold(orderId: number) {
    await db.hold.updateMany({ where: { orderId }, data: { expiresAt: new Date(Date.now() - 1000) } });
  }

  it('takes the copies again when some remain', async () => {
    const { book, order } = await placeTestOrder({ onHand: 2, withSupplier: false });
    await deliver([sessionEvent('checkout.session.expired', order)]);
    await deliver([
      sessionEvent('checkout.session.completed', order, { payment_status: 'paid', payment_intent: 'pi_late_1' }),
    ]);
    const state = await snapshot(order.id, book.id);
    expect(state.order.status).toBe('paid');
    expect(state.stock).toEqual({ onHand: 1, held: 0 });
    expect(state.movements).toEqual([{ quantity: -1, reason: 'SALE' }]);
  });

  it('turns the line into a backorder when the distributor has the book, and flags it for staff', async () => {
    const { book, order } = await placeTestOrder({ onHand: 1, withSupplier: true });
    await expireHold(order.id);
    // Another reader takes the last copy meanwhile.
    const [otherCart] = await createCarts(db, book.id, 1);
    const other = await checkout.placeOrder(otherCart!, FORM, new Date(), `client-${otherCart}`);
    expect(other.ok).toBe(true);

    await deliver([
      sessionEvent('checkout.session.completed', order, { payment_status: 'paid', payment_intent: 'pi_late_2' }),
    ]);
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId: order.id } });
    expect(line).toMatchObject({
      fromStockQuantity: 0,
      backorderQuantity: 1,
      shipWithinMinDays: 6,
      shipWithinMaxDays: 10,
    });
    const saved = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(saved.status).toBe('paid');
    expect(saved.attentionReason).toMatch(/commander au distributeur/);
  });

  it('asks for a refund when nobody can supply the book', async () => {
    const { book, order } = await placeTestOrder({ onHand: 1, withSupplier: false });
    await expireHold(order.id);
    const [otherCart] = await createCarts(db, book.id, 1);
    expect((await checkout.placeOrder(otherCart!, FORM, new Date(), `client-${otherCart}`)).ok).toBe(true);

    const result = await payments.applyStripeEvent(
      sessionEvent('checkout.session.completed', order, { payment_status: 'paid', payment_intent: 'pi_late_3' }),
      new Date(),
    );
    expect(result).toMatchObject({
      ok: true,
      refund: { orderId: order.id, reference: order.reference, paymentIntentId: 'pi_late_3' },
    });
    const saved = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(saved.attentionReason).toMatch(/remboursement automatique/);
    expect(await db.stockMovement.count({ where: { orderId: order.id } })).toBe(0);
    expect((await db.stockLevel.findUniqueOrThrow({ where: { bookId: book.id } })).onHand).toBe(1);
  });
});
