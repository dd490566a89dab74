import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripeEmulator, type StripeEmulator } from '@/scripts/stripe-emulator/server';
import { createCarts, createTestBook } from '@/scripts/test/fixtures/books';
import { SAMPLE_CHECKOUT_FORM } from '@/scripts/test/fixtures/checkout-form';
import { openTestDatabase } from '@/scripts/test/test-database';
import { attachCheckoutSession, placeOrder } from '@/lib/data/buying/checkout';

// Payments whose webhook never came, recovered from Stripe on a real PostgreSQL and the local
// emulator (which sends no webhook here: every event stays undelivered), through the real SDK:
// each order paid once, its copies sold once, however many runs at once and however often.
const db = openTestDatabase();
const globalForStripe = globalThis as { librairieStripe?: Stripe };
let emulator: StripeEmulator;
let stripe: Stripe;
let checkout: typeof import('./start-checkout');
let reconciliation: typeof import('./stripe-reconciliation');

beforeAll(async () => {
  emulator = await startStripeEmulator({ port: 0, webhookUrl: null, webhookSecret: 'whsec_reconciliation_test' });
  stripe = new Stripe('sk_test_reconciliation', { host: '127.0.0.1', port: emulator.port, protocol: 'http' });
  // The app's own client (lib/stripe.ts) is this one, for the calls the event path makes itself.
  globalForStripe.librairieStripe = stripe;
  checkout = await import('./start-checkout');
  reconciliation = await import('./stripe-reconciliation');
});
afterAll(async () => {
  delete globalForStripe.librairieStripe;
  await emulator.stop();
});

/** A reader pays for one copy, and closes the tab before coming back to the shop. */
async function paidAtStripe(bookId: number) {
  const [cartId] = await createCarts(db, bookId, 1);
  const started = await checkout.startCheckout(cartId!, SAMPLE_CHECKOUT_FORM, {
    stripe,
    siteUrl: 'http://localhost:3000',
    now: new Date(),
    clientKey: `client-${crypto.randomUUID()}`,
  });
  if (!started.ok) throw new Error(started.message);
  const order = await db.order.findUniqueOrThrow({
    where: { reference: started.orderReference },
    select: { id: true, stripeSessionId: true, createdAt: true },
  });
  const paid = await fetch(`${emulator.url}/_emulator/sessions/${order.stripeSessionId}/complete`, { method: 'POST' });
  expect(paid.status).toBe(200);
  return order;
}

const statusesOf = async (ids: number[]) =>
  (await db.order.findMany({ where: { id: { in: ids } }, select: { status: true } })).map((order) => order.status);
const salesOf = (ids: number[]) => db.stockMovement.count({ where: { orderId: { in: ids }, reason: 'SALE' } });

describe('the reconciliation with Stripe', () => {
  it('pays 20 orders whose webhook never came, once, whether two runs go at once or a third comes after', async () => {
    const book = await createTestBook(db, { onHand: 25, withSupplier: false });
    const orders = [];
    for (let i = 0; i < 20; i += 1) orders.push(await paidAtStripe(book.id));
    const ids = orders.map((order) => order.id);
    expect(new Set(await statusesOf(ids))).toEqual(new Set(['pending_payment']));

    // Two app instances' workers at the same minute.
    const [first, second] = await Promise.all([
      reconciliation.reconcileWithStripe(),
      reconciliation.reconcileWithStripe(),
    ]);
    expect(first.applied + second.applied).toBe(20);
    expect(await statusesOf(ids)).toEqual(ids.map(() => 'paid'));
    expect(await salesOf(ids)).toBe(20);
    const stock = await db.stockLevel.findUniqueOrThrow({ where: { bookId: book.id } });
    expect(stock).toMatchObject({ onHand: 5, held: 0 });
    // Each owes one confirmation e-mail.
    expect(await db.emailMessage.count({ where: { orderId: { in: ids }, kind: 'order_confirmation' } })).toBe(20);

    // The events stay undelivered at Stripe: the next run finds them applied already.
    const third = await reconciliation.reconcileWithStripe();
    expect(third.applied).toBe(0);
    expect(third.alreadyApplied).toBeGreaterThanOrEqual(20);
    expect(await salesOf(ids)).toBe(20);
    expect(await db.stockLevel.findUniqueOrThrow({ where: { bookId: book.id } })).toMatchObject({ onHand: 5 });
  });

  it('the confirmation page’s check applies a completed payment at once, and only once', async () => {
    const book = await createTestBook(db, { onHand: 2, withSupplier: false });
    const order = await paidAtStripe(book.id);
    const [a, b] = await Promise.all([
      reconciliation.recoverSessionPayment(order.stripeSessionId!, order.createdAt),
      reconciliation.recoverSessionPayment(order.stripeSessionId!, order.createdAt),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(await statusesOf([order.id])).toEqual(['paid']);
    expect(await salesOf([order.id])).toBe(1);
    expect(await reconciliation.recoverSessionPayment(order.stripeSessionId!, order.createdAt)).toBe(false);
  });

  it('an unpaid order whose session Stripe does not know is skipped, and the others are still paid', async () => {
    const book = await createTestBook(db, { onHand: 2, withSupplier: false });
    const [cartId] = await createCarts(db, book.id, 1);
    const placed = await placeOrder(cartId!, SAMPLE_CHECKOUT_FORM, new Date(), `client-${crypto.randomUUID()}`);
    if (!placed.ok) throw new Error(placed.message);
    // A session of another account or mode: Stripe answers 404 resource_missing.
    await attachCheckoutSession(placed.order.id, 'cs_test_unknown_to_stripe', 'https://pay.example/unknown');
    const paid = await paidAtStripe(book.id);
    // Four minutes on: both are old enough for the sweep of unpaid orders to ask Stripe about them.
    const report = await reconciliation.reconcileWithStripe(new Date(Date.now() + 4 * 60_000));
    expect(report.applied).toBeGreaterThanOrEqual(1);
    expect(await statusesOf([paid.id, placed.order.id])).toEqual(expect.arrayContaining(['paid', 'pending_payment']));
  });

  it('leaves an open payment page alone: nothing paid, nothing written', async () => {
    const book = await createTestBook(db, { onHand: 2, withSupplier: false });
    const [cartId] = await createCarts(db, book.id, 1);
    const started = await checkout.startCheckout(cartId!, SAMPLE_CHECKOUT_FORM, {
      stripe,
      siteUrl: 'http://localhost:3000',
      now: new Date(),
      clientKey: `client-${crypto.randomUUID()}`,
    });
    if (!started.ok) throw new Error(started.message);
    const order = await db.order.findUniqueOrThrow({
      where: { reference: started.orderReference },
      select: { id: true, stripeSessionId: true, createdAt: true },
    });
    expect(await reconciliation.recoverSessionPayment(order.stripeSessionId!, order.createdAt)).toBe(false);
    expect(await statusesOf([order.id])).toEqual(['pending_payment']);
  });
});
