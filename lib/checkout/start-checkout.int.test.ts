import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startStripeEmulator, type StripeEmulator } from '@/scripts/stripe-emulator/server';
import { createCarts, createTestBook } from '@/scripts/test/fixtures/books';
import { SAMPLE_CHECKOUT_FORM } from '@/scripts/test/fixtures/checkout-form';
import { openTestDatabase } from '@/scripts/test/test-database';

// The checkout orchestration against a real PostgreSQL and the local Stripe emulator, through
// the real stripe SDK: the success path, Stripe unreachable, and a refund asked twice.
const db = openTestDatabase();
let emulator: StripeEmulator;
let stripe: Stripe;
let checkout: typeof import('./start-checkout');
let refunds: typeof import('@/lib/refunds/stripe-refunds');

beforeAll(async () => {
  emulator = await startStripeEmulator({ port: 0, webhookUrl: null, webhookSecret: 'whsec_start_checkout_test' });
  stripe = new Stripe('sk_test_start_checkout', {
    host: '127.0.0.1',
    port: emulator.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  checkout = await import('./start-checkout');
  refunds = await import('@/lib/refunds/stripe-refunds');
});
afterAll(() => emulator.stop());

const SITE_URL = 'http://localhost:3000';
const randomClient = () => `client-${crypto.randomUUID()}`;

async function cartWithOneCopy(onHand = 2) {
  const book = await createTestBook(db, { onHand, withSupplier: false });
  const [cartId] = await createCarts(db, book.id, 1);
  return { book, cartId: cartId! };
}

async function orderOf(reference: string) {
  return db.order.findUniqueOrThrow({
    where: { reference },
    select: { id: true, status: true, stripeSessionId: true, attentionReason: true },
  });
}

/** A cart of one copy sent to the payment page. */
async function startedCheckout() {
  const { cartId } = await cartWithOneCopy();
  const started = await checkout.startCheckout(cartId, SAMPLE_CHECKOUT_FORM, {
    stripe,
    siteUrl: SITE_URL,
    now: new Date(),
    clientKey: randomClient(),
  });
  if (!started.ok) throw new Error(started.message);
  return { started, order: await orderOf(started.orderReference) };
}

describe('startCheckout', () => {
  it('opens a payment page for the order and records its session', async () => {
    const { started, order } = await startedCheckout();
    expect(order.status).toBe('pending_payment');
    expect(started.paymentUrl).toBe(`${emulator.url}/pay/${order.stripeSessionId}`);
    const session = await stripe.checkout.sessions.retrieve(order.stripeSessionId!);
    expect(session).toMatchObject({ status: 'open', client_reference_id: started.orderReference, amount_total: 2490 });
  });

  it('ordering again from the same cart replaces the order and closes its payment page', async () => {
    const { cartId } = await cartWithOneCopy();
    const deps = { stripe, siteUrl: SITE_URL, now: new Date(), clientKey: randomClient() };
    const first = await checkout.startCheckout(cartId, SAMPLE_CHECKOUT_FORM, deps);
    const second = await checkout.startCheckout(
      cartId,
      { ...SAMPLE_CHECKOUT_FORM, deliveryMethod: 'shop_pickup' },
      deps,
    );
    if (!first.ok || !second.ok) throw new Error('checkout failed');
    const replaced = await orderOf(first.orderReference);
    expect(replaced.status).toBe('replaced');
    expect((await stripe.checkout.sessions.retrieve(replaced.stripeSessionId!)).status).toBe('expired');
    expect((await orderOf(second.orderReference)).status).toBe('pending_payment');
  });

  it('Stripe unreachable: PAYMENT_UNAVAILABLE, the order is abandoned and its copies go back on the shelf', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { book, cartId } = await cartWithOneCopy(1);
    const unreachable = new Stripe('sk_test_unreachable', {
      host: '127.0.0.1',
      port: 9,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    const result = await checkout.startCheckout(cartId, SAMPLE_CHECKOUT_FORM, {
      stripe: unreachable,
      siteUrl: SITE_URL,
      now: new Date(),
      clientKey: randomClient(),
    });
    expect(result).toMatchObject({ ok: false, code: 'PAYMENT_UNAVAILABLE' });
    const orders = await db.order.findMany({ where: { cartId }, select: { status: true, attentionReason: true } });
    expect(orders).toEqual([
      { status: 'expired', attentionReason: 'La session de paiement Stripe n’a pas pu être créée.' },
    ]);
    expect(
      await db.stockLevel.findUniqueOrThrow({ where: { bookId: book.id }, select: { onHand: true, held: true } }),
    ).toEqual({
      onHand: 1,
      held: 0,
    });
    expect(await db.hold.findMany({ where: { bookId: book.id }, select: { status: true } })).toEqual([
      { status: 'released' },
    ]);
    vi.restoreAllMocks();
  });

  it('an empty cart is refused before Stripe is called', async () => {
    const [cartId] = await db.cart
      .create({ data: { id: crypto.randomUUID() }, select: { id: true } })
      .then((cart) => [cart.id]);
    const result = await checkout.startCheckout(cartId!, SAMPLE_CHECKOUT_FORM, {
      stripe,
      siteUrl: SITE_URL,
      now: new Date(),
      clientKey: randomClient(),
    });
    expect(result).toMatchObject({ ok: false, code: 'EMPTY_CART', message: 'Votre panier est vide.' });
  });
});

describe('one cart, many simultaneous "Commander"', () => {
  it('leaves one unpaid order and one open payment page, and sends every click to it', async () => {
    const { cartId } = await cartWithOneCopy(3);
    const deps = { stripe, siteUrl: SITE_URL, now: new Date(), clientKey: randomClient() };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => checkout.startCheckout(cartId, SAMPLE_CHECKOUT_FORM, deps)),
    );
    const accepted = results.filter((result) => result.ok);
    // Past the per-cart limit (6 in 10 minutes) the reader is asked to wait; none is a second order.
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    expect(new Set(accepted.map((result) => result.ok && result.paymentUrl)).size).toBe(1);
    expect(new Set(results.filter((result) => !result.ok).map((result) => !result.ok && result.code))).toEqual(
      new Set(['RATE_LIMITED']),
    );
    const orders = await db.order.findMany({ where: { cartId }, select: { status: true, stripeSessionId: true } });
    expect(orders).toHaveLength(1);
    expect(orders[0]?.status).toBe('pending_payment');
    // Every click got the page of that order's one session (same idempotency key at Stripe).
    const session = await stripe.checkout.sessions.retrieve(orders[0]!.stripeSessionId!);
    expect(session.status).toBe('open');
    expect(accepted[0]).toMatchObject({ paymentUrl: session.url });
  });
});

describe('limits against hoarding', () => {
  it('one client holds at most 20 copies across its unpaid orders', async () => {
    const clientKey = randomClient();
    const deps = { stripe, siteUrl: SITE_URL, now: new Date(), clientKey };
    const book = await createTestBook(db, { onHand: 30, withSupplier: false });
    const carts = await createCarts(db, book.id, 3, 10);
    const results = [];
    for (const cartId of carts) results.push(await checkout.startCheckout(cartId, SAMPLE_CHECKOUT_FORM, deps));
    expect(results.map((result) => (result.ok ? 'ok' : result.code))).toEqual(['ok', 'ok', 'HOLD_LIMIT']);
    expect(results[2]).toMatchObject({ message: expect.stringContaining('déjà 20 exemplaires réservés') });
    expect(await db.stockLevel.findUniqueOrThrow({ where: { bookId: book.id } })).toMatchObject({ held: 20 });
  });

  it('a client is slowed after 30 checkouts in 10 minutes', async () => {
    const clientKey = randomClient();
    const deps = { stripe, siteUrl: SITE_URL, now: new Date(), clientKey };
    const book = await createTestBook(db, { onHand: 0, withSupplier: true });
    const carts = await createCarts(db, book.id, 31);
    const codes = [];
    for (const cartId of carts) {
      const result = await checkout.startCheckout(cartId, SAMPLE_CHECKOUT_FORM, deps);
      codes.push(result.ok ? 'ok' : result.code);
    }
    expect(codes).toEqual([...Array(30).fill('ok'), 'RATE_LIMITED']);
  });
});

describe('abandonOrder', () => {
  it('leaves a paid order alone', async () => {
    const { started, order } = await startedCheckout();
    await db.order.update({ where: { id: order.id }, data: { status: 'paid' } });
    const { abandonOrder } = await import('@/lib/data/buying/checkout');
    await abandonOrder(order.id, 'test');
    expect(await orderOf(started.orderReference)).toMatchObject({ status: 'paid', attentionReason: null });
  });
});

describe('refundUnfulfillablePayment', () => {
  it('refunds a paid session once, however many times it is asked', async () => {
    const { started, order } = await startedCheckout();
    const { stripeSessionId, id } = order;
    expect(
      (await fetch(`${emulator.url}/_emulator/sessions/${stripeSessionId}/complete`, { method: 'POST' })).status,
    ).toBe(200);
    const session = await stripe.checkout.sessions.retrieve(stripeSessionId!);
    const paymentIntentId = String(session.payment_intent);

    const request = { orderId: id, reference: started.orderReference, paymentIntentId };
    expect(await refunds.refundUnfulfillablePayment(request, stripe)).toBe(true);
    expect(await refunds.refundUnfulfillablePayment(request, stripe)).toBe(true);
    const events = (await (await fetch(`${emulator.url}/_emulator/events?type=charge.refunded`)).json()) as {
      data: { event: { data: { object: { payment_intent: string; amount_refunded: number } } } }[];
    };
    const ours = events.data.filter((record) => record.event.data.object.payment_intent === paymentIntentId);
    expect(ours.map((record) => record.event.data.object.amount_refunded)).toEqual([2490]);
  });

  it('says so when Stripe refuses, so the order keeps its flag for staff', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const refused = await refunds.refundUnfulfillablePayment(
      { orderId: 0, reference: 'LF-INCONNUE', paymentIntentId: 'pi_does_not_exist' },
      stripe,
    );
    expect(refused).toBe(false);
    vi.restoreAllMocks();
  });
});
