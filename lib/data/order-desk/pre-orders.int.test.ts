import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/database/prisma-client';
import { createTestStaff, placeTestOrder } from '@/scripts/test/order-desk-fixtures';
import { startStripeEmulator, type StripeEmulator } from '@/scripts/stripe-emulator/server';
import type { Actor } from '@/lib/data/staff/staff';

// Pre-orders on a real PostgreSQL and the local Stripe emulator: what a pre-order line records,
// the customer's cancellation asked many times at once (one refund), a fall of the publisher's
// price (one refund of the difference per line, however often it is applied), a rise (nothing),
// a moved publication date ("Nouveau délai"), and a delivery serving the pre-orders oldest first.
let db: PrismaClient;
let emulator: StripeEmulator;
let stripe: Stripe;
let actor: Actor;
let supplierId: number;
let preOrders: typeof import('@/lib/refunds/pre-orders');
let webhook: typeof import('@/app/api/stripe/webhook/route');
let checkoutParams: typeof import('@/lib/payments/checkout-session-params');
let changes: typeof import('@/lib/data/catalog/pre-order-changes');
let transactions: typeof import('@/lib/data/platform/transactions');
let receiving: typeof import('@/lib/data/stock-desk/receiving');
let purchaseOrders: typeof import('@/lib/data/stock-desk/purchase-orders');

// A date-only column: midnight UTC. Far enough ahead for the date to stay to come.
const PUBLISHED = new Date('2027-01-15T00:00:00Z');

beforeAll(async () => {
  emulator = await startStripeEmulator({
    port: 0,
    webhookUrl: null,
    webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? '',
  });
  process.env.STRIPE_EMULATOR_URL = emulator.url;
  delete (globalThis as { librairieStripe?: unknown }).librairieStripe;
  db = createPrismaClient(inject('databaseUrl'));
  preOrders = await import('@/lib/refunds/pre-orders');
  webhook = await import('@/app/api/stripe/webhook/route');
  checkoutParams = await import('@/lib/payments/checkout-session-params');
  changes = await import('@/lib/data/catalog/pre-order-changes');
  transactions = await import('@/lib/data/platform/transactions');
  receiving = await import('@/lib/data/stock-desk/receiving');
  purchaseOrders = await import('@/lib/data/stock-desk/purchase-orders');
  stripe = new Stripe('sk_test_pre_order_tests', { host: '127.0.0.1', port: emulator.port, protocol: 'http' });
  actor = { id: (await createTestStaff(db)).id, ip: '192.0.2.30' };
  supplierId = (await db.supplier.findFirstOrThrow({ where: { name: "L'Harmattan Diffusion" }, select: { id: true } }))
    .id;
});
afterAll(async () => {
  await emulator.stop();
  await db.$disconnect();
});

async function deliver(event: Stripe.Event): Promise<Response> {
  const payload = JSON.stringify(event);
  const signature = stripe.webhooks.generateTestHeaderString({
    payload,
    secret: process.env.STRIPE_WEBHOOK_SECRET ?? '',
  });
  return webhook.POST(
    new Request('http://localhost:3000/api/stripe/webhook', {
      method: 'POST',
      body: payload,
      headers: { 'stripe-signature': signature, 'content-type': 'application/json' },
    }),
  );
}

/** What this file wrote, for the invariant check at its end. */
const written = { references: [] as string[], eans: [] as string[] };

/** A pre-order paid through the emulator. */
async function paidPreOrder(options: { quantity?: number; priceCents?: number; bookOf?: number } = {}) {
  const placed = await placeTestOrder(db, {
    onHand: 0,
    withSupplier: true,
    forthcomingOn: PUBLISHED,
    quantity: options.quantity ?? 1,
    priceCents: options.priceCents ?? 2000,
  });
  const session = await stripe.checkout.sessions.create(
    checkoutParams.checkoutSessionParams(placed.payment, 'http://localhost:3000'),
  );
  await db.order.update({ where: { id: placed.order.id }, data: { stripeSessionId: session.id } });
  await fetch(`${emulator.url}/_emulator/sessions/${session.id}/complete`, { method: 'POST', body: '{}' });
  const events = (await (await fetch(`${emulator.url}/_emulator/events?type=checkout.session.completed`)).json()) as {
    data: { event: Stripe.Event }[];
  };
  const completed = events.data.find((e) => (e.event.data.object as Stripe.Checkout.Session).id === session.id);
  expect((await deliver(completed!.event)).status).toBe(200);
  const order = await db.order.findUniqueOrThrow({
    where: { id: placed.order.id },
    select: { status: true, stripePaymentIntentId: true, totalCents: true, shippingCents: true },
  });
  expect(order.status).toBe('paid');
  written.references.push(placed.order.reference);
  written.eans.push(placed.book.ean);
  return { ...placed, paymentIntentId: order.stripePaymentIntentId! };
}

const refundsOf = (orderId: number) =>
  db.refund.findMany({
    where: { orderId },
    orderBy: { id: 'asc' },
    select: { status: true, reason: true, amountCents: true, shippingCents: true, staffId: true },
  });
const stripeRefundsOf = async (paymentIntentId: string) =>
  (await stripe.refunds.list({ payment_intent: paymentIntentId, limit: 100 })).data;

describe('a pre-order', () => {
  it('records its publication date and counts its estimate from it', async () => {
    const { order } = await paidPreOrder();
    const line = await db.orderLine.findFirstOrThrow({
      where: { orderId: order.id },
      select: { preOrderPublishedOn: true, backorderQuantity: true, shipWithinMinDays: true, shipWithinMaxDays: true },
    });
    expect(line.preOrderPublishedOn?.toISOString().slice(0, 10)).toBe('2027-01-15');
    expect(line.backorderQuantity).toBe(1);
    const supplier = await db.supplier.findUniqueOrThrow({ where: { id: supplierId } });
    expect([line.shipWithinMinDays, line.shipWithinMaxDays]).toEqual([
      supplier.leadTimeMinDays,
      supplier.leadTimeMaxDays,
    ]);
    const { deliveryEarliestOn } = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(deliveryEarliestOn!.getTime()).toBeGreaterThan(PUBLISHED.getTime());
  });
});

describe('"Annuler ma précommande"', () => {
  it('asked five times at once (double clicks, tabs): one refund, everything back, order cancelled', async () => {
    const { order, paymentIntentId } = await paidPreOrder({ quantity: 2 });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => preOrders.cancelPreOrder(order.id, '192.0.2.31')),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(Array(4).fill('NOTHING_TO_CANCEL'));
    const refunds = await refundsOf(order.id);
    expect(refunds).toEqual([
      {
        status: 'succeeded',
        reason: 'cancellation',
        amountCents: order.totalCents,
        shippingCents: order.shippingCents,
        staffId: null,
      },
    ]);
    const atStripe = await stripeRefundsOf(paymentIntentId);
    expect(atStripe.map((r) => r.amount)).toEqual([order.totalCents]);
    const after = await db.order.findUniqueOrThrow({
      where: { id: order.id },
      select: { status: true, lines: { select: { cancelledBackorderQuantity: true } } },
    });
    expect(after.status).toBe('cancelled');
    expect(after.lines[0]!.cancelledBackorderQuantity).toBe(2);
    // Staff see it in the order's history.
    const audit = await db.auditEntry.findMany({ where: { orderId: order.id }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['order.pre_order_cancelled', 'refund.requested', 'order.status_changed']),
    );
    // And again later: nothing left.
    expect(await preOrders.cancelPreOrder(order.id, null)).toMatchObject({ ok: false, code: 'NOTHING_TO_CANCEL' });
  });

  it('confirmed at once from two app instances, three times each, on 10 pre-orders: one refund recorded per order', async () => {
    const orders = [];
    for (let i = 0; i < 10; i += 1) orders.push((await paidPreOrder()).order);
    const items = orders.flatMap((order) => [{ orderId: order.id }, { orderId: order.id }, { orderId: order.id }]);
    const { runOrderDeskWorkers } = await import('@/scripts/test/run-order-desk-workers');
    const runs = await runOrderDeskWorkers(inject('databaseUrl'), [
      { kind: 'cancel-pre-order', items },
      { kind: 'cancel-pre-order', items },
    ]);
    for (const [index, order] of orders.entries()) {
      const outcomes = runs.flatMap((run) => run.results.slice(3 * index, 3 * index + 3));
      expect(outcomes.filter((o) => o?.ok)).toHaveLength(1);
      for (const lost of outcomes.filter((o) => !o?.ok)) expect(['NOTHING_TO_CANCEL', 'BUSY']).toContain(lost?.code);
      const refunds = await db.refund.findMany({ where: { orderId: order.id }, select: { amountCents: true } });
      expect(refunds).toEqual([{ amountCents: order.totalCents }]);
      expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('cancelled');
    }
  });

  it('refuses once the copies are received', async () => {
    const { order, book } = await paidPreOrder();
    expect(await receiving.receiveDelivery(actor, delivery(book.ean, 1))).toMatchObject({ ok: true });
    expect(await preOrders.cancelPreOrder(order.id, null)).toMatchObject({ ok: false, code: 'NOTHING_TO_CANCEL' });
    expect(await refundsOf(order.id)).toEqual([]);
  });
});

let notes = 0;
const delivery = (ean: string, quantity: number) => ({
  supplierId,
  noteNumber: `BL-PRE-${process.pid}-${Date.now()}-${(notes += 1)}`,
  purchaseOrder: null,
  lines: [{ ean, quantity, discountBasisPoints: 3500, terms: 'firm' as const }],
});

/** The price change as the ONIX import or a staff edit writes it: the follow-up queued in its transaction. */
async function changePrice(bookId: number, priceCents: number): Promise<number> {
  await transactions.transactOrThrow(async (tx) => {
    const before = await changes.readPriceAndDate(tx, bookId);
    await tx.book.update({ where: { id: bookId }, data: { publisherPriceCents: priceCents } });
    await changes.queuePreOrderChanges(tx, bookId, before);
  });
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'pre-order-changes' AND data->>'bookId' = ${String(bookId)}`;
  return row?.count ?? 0;
}

describe('the publisher’s price changes before delivery', () => {
  it('falls: the difference per copy, refunded once however often the change is applied', async () => {
    const { order, book, paymentIntentId } = await paidPreOrder({ quantity: 2, priceCents: 2500 });
    expect(await changePrice(book.id, 2000)).toBe(1);
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () => preOrders.followPreOrderChange({ bookId: book.id, priceCents: 2000 })),
    );
    expect(outcomes.reduce((sum, o) => sum + o.refunds, 0)).toBe(1);
    expect(await refundsOf(order.id)).toEqual([
      { status: 'succeeded', reason: 'price_drop', amountCents: 2 * 500, shippingCents: 0, staffId: null },
    ]);
    expect((await stripeRefundsOf(paymentIntentId)).map((r) => r.amount)).toEqual([1000]);
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId: order.id } });
    expect(line.priceDropPerCopyCents).toBe(500);
    const email = await db.emailMessage.findFirst({ where: { orderId: order.id, kind: 'refunded' } });
    expect(email).not.toBeNull();
    // The order is still owed its copies; a later cancellation gives back what was paid for them.
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('paid');
    expect(await preOrders.cancelPreOrder(order.id, null)).toMatchObject({ ok: true });
    const refunds = await refundsOf(order.id);
    expect(refunds.reduce((sum, r) => sum + r.amountCents, 0)).toBe(order.totalCents);
  });

  it('rises: nothing charged, no job, no refund', async () => {
    const { order, book, paymentIntentId } = await paidPreOrder({ priceCents: 2000 });
    expect(await changePrice(book.id, 2400)).toBe(0);
    expect(await preOrders.followPreOrderChange({ bookId: book.id, priceCents: 2400 })).toEqual({
      told: 0,
      refunds: 0,
    });
    expect(await refundsOf(order.id)).toEqual([]);
    expect(await stripeRefundsOf(paymentIntentId)).toEqual([]);
    const { totalCents, status } = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect({ totalCents, status }).toEqual({ totalCents: order.totalCents, status: 'paid' });
  });
});

describe('the distributor moves the publication date', () => {
  it('later: the line and the order’s window follow, and the customer gets "Nouveau délai" once', async () => {
    const { order, book } = await paidPreOrder();
    const before = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { deliveryLatestOn: true } });
    const later = '2027-02-26';
    await transactions.transactOrThrow(async (tx) => {
      const was = await changes.readPriceAndDate(tx, book.id);
      await tx.book.update({ where: { id: book.id }, data: { expectedOn: new Date(`${later}T00:00:00Z`) } });
      await changes.queuePreOrderChanges(tx, book.id, was);
    });
    expect(await preOrders.followPreOrderChange({ bookId: book.id, publishedOn: later })).toMatchObject({ told: 1 });
    expect(await preOrders.followPreOrderChange({ bookId: book.id, publishedOn: later })).toMatchObject({ told: 0 });
    const after = await db.order.findUniqueOrThrow({
      where: { id: order.id },
      select: { deliveryLatestOn: true, lines: { select: { preOrderPublishedOn: true } } },
    });
    expect(after.lines[0]!.preOrderPublishedOn?.toISOString().slice(0, 10)).toBe(later);
    expect(after.deliveryLatestOn!.getTime()).toBeGreaterThan(before.deliveryLatestOn!.getTime());
    expect(await db.emailMessage.count({ where: { orderId: order.id, kind: 'delayed' } })).toBe(1);
  });
});

describe('an ONIX update of a pre-ordered book', () => {
  it('queues the follow-up in the import’s transaction: the lower price and the new date', async () => {
    const { order, book } = await paidPreOrder({ priceCents: 2500 });
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'precommandes-')), 'maj.xml');
    writeFileSync(
      file,
      `<?xml version="1.0"?><ONIXMessage release="3.1"><Header><Sender><SenderName>L'Harmattan Diffusion</SenderName></Sender></Header>` +
        `<Product><RecordReference>maj-precommande</RecordReference><NotificationType>04</NotificationType>` +
        `<ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>${book.ean}</IDValue></ProductIdentifier>` +
        `<ProductSupply><SupplyDetail><Supplier><SupplierName>L'Harmattan Diffusion</SupplierName></Supplier>` +
        `<ProductAvailability>10</ProductAvailability><SupplyDate><SupplyDateRole>08</SupplyDateRole><Date>20270305</Date></SupplyDate>` +
        `<Price><PriceType>04</PriceType><PriceAmount>22.00</PriceAmount><Tax><TaxRatePercent>5.5</TaxRatePercent></Tax>` +
        `<CurrencyCode>EUR</CurrencyCode></Price></SupplyDetail></ProductSupply></Product></ONIXMessage>`,
    );
    const { importOnixFile } = await import('@/lib/data/catalog/onix-import');
    const { getDb } = await import('@/lib/db');
    const report = await importOnixFile(getDb(), file, { fileName: 'maj.xml' });
    expect(report.counts).toMatchObject({ updated: 1, rejected: 0 });
    const jobs = await db.$queryRaw<{ data: { bookId: number; priceCents?: number; publishedOn?: string } }[]>`
      SELECT data FROM pgboss.job WHERE name = 'pre-order-changes' AND data->>'bookId' = ${String(book.id)}`;
    expect(jobs.map((job) => job.data)).toEqual([
      expect.objectContaining({ bookId: book.id, priceCents: 2200, publishedOn: '2027-03-05' }),
    ]);
    // What the worker does with it: 3,00 € back, the date moved and the customer told.
    expect(await preOrders.followPreOrderChange(jobs[0]!.data)).toEqual({ told: 1, refunds: 1 });
    expect((await refundsOf(order.id)).map((r) => [r.reason, r.amountCents])).toEqual([['price_drop', 300]]);
    expect(await db.emailMessage.count({ where: { orderId: order.id, kind: 'delayed' } })).toBe(1);
  });
});

describe('copies received from the distributor', () => {
  it('serve the pre-orders oldest first; the served order is "à préparer"; both were in the purchase list', async () => {
    const first = await paidPreOrder();
    const book = first.book;
    // A second pre-order of the same book, placed later.
    const cart = crypto.randomUUID();
    await db.cart.create({ data: { id: cart, lines: { create: { bookId: book.id, quantity: 1 } } } });
    const { placeOrder } = await import('@/lib/data/buying/checkout');
    const { SAMPLE_CHECKOUT_FORM } = await import('@/scripts/test/fixtures/checkout-form');
    const second = await placeOrder(cart, SAMPLE_CHECKOUT_FORM, new Date(), `client-${cart}`);
    if (!second.ok) throw new Error(second.message);
    const { applyStripeEvent } = await import('@/lib/data/buying/payments');
    const { attachCheckoutSession } = await import('@/lib/data/buying/checkout');
    await attachCheckoutSession(second.order.id, `cs_test_${second.order.reference}`, 'https://pay.example/x');
    const paid = await applyStripeEvent(
      {
        id: `evt_${crypto.randomUUID()}`,
        object: 'event',
        type: 'checkout.session.completed',
        data: {
          object: {
            id: `cs_test_${second.order.reference}`,
            object: 'checkout.session',
            client_reference_id: second.order.reference,
            payment_status: 'paid',
            payment_intent: `pi_test_${second.order.reference}`,
          },
        },
      } as unknown as Stripe.Event,
      new Date(),
    );
    expect(paid.ok).toBe(true);
    written.references.push(second.order.reference);

    const proposals = await purchaseOrders.listPurchaseProposals();
    const line = proposals.flatMap((p) => p.lines).find((l) => l.ean === book.ean);
    expect(line).toMatchObject({ awaitedByCustomers: 2 });

    expect(await receiving.receiveDelivery(actor, delivery(book.ean, 1))).toMatchObject({ ok: true, toShelf: 0 });
    const { getAdminOrder } = await import('@/lib/data/order-desk/order-reads');
    const stageOf = async (reference: string) => (await getAdminOrder(reference))?.stage;
    expect(await stageOf(first.order.reference)).toBe('to_prepare');
    expect(await stageOf(second.order.reference)).toBe('awaiting_supplier');
  });
});

describe('the invariant check', () => {
  it('finds nothing wrong with what pre-orders wrote: cancellations, price falls, moved dates, receptions', async () => {
    const { findViolations } = await import('@/lib/data/watch/invariants');
    const found = await transactions.transactOrThrow(
      (tx) => findViolations(tx, { now: new Date(), frontCache: false }),
      transactions.INVARIANT_CHECK_LIMITS,
    );
    const mine = found.violations.filter(({ subject }) => {
      if (subject.kind === 'book') return written.eans.includes(subject.ean);
      if (subject.kind === 'order') return written.references.includes(subject.reference);
      if (subject.kind === 'refund') return written.references.includes(subject.orderReference);
      return false;
    });
    expect(written.references.length).toBeGreaterThan(5);
    expect(mine).toEqual([]);
  });
});
