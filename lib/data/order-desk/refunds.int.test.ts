import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/database/prisma-client';
import { createTestStaff, placeTestOrder, stockAndLedger } from '@/scripts/test/order-desk-fixtures';
import { runOrderDeskWorkers } from '@/scripts/test/run-order-desk-workers';
import { startStripeEmulator, type StripeEmulator } from '@/scripts/stripe-emulator/server';
import type { Actor } from '@/lib/data/staff/staff';

// Refunds end to end on a real PostgreSQL and the local Stripe emulator: the shop's request,
// Stripe's answer and its `charge.refunded` event (through the webhook route, which lists the
// payment's refunds from Stripe), in every order, twice, and at the same time.
let db: PrismaClient;
let emulator: StripeEmulator;
let actor: Actor;
let stripe: Stripe;
let refunds: typeof import('./refunds');
let orderRefunds: typeof import('@/lib/refunds/stripe-refunds');
let webhook: typeof import('@/app/api/stripe/webhook/route');
let checkoutParams: typeof import('@/lib/payments/checkout-session-params');

beforeAll(async () => {
  emulator = await startStripeEmulator({
    port: 0,
    webhookUrl: null, // events are recorded; the test delivers them itself, as often as it likes
    webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? '',
  });
  // Before the app's modules read their environment and build their Stripe client.
  process.env.STRIPE_EMULATOR_URL = emulator.url;
  delete (globalThis as { librairieStripe?: unknown }).librairieStripe;
  db = createPrismaClient(inject('databaseUrl'));
  refunds = await import('./refunds');
  orderRefunds = await import('@/lib/refunds/stripe-refunds');
  webhook = await import('@/app/api/stripe/webhook/route');
  checkoutParams = await import('@/lib/payments/checkout-session-params');
  stripe = new Stripe('sk_test_refund_tests', { host: '127.0.0.1', port: emulator.port, protocol: 'http' });
  actor = { id: (await createTestStaff(db)).id, ip: '192.0.2.20' };
});
afterAll(async () => {
  await emulator.stop();
  await db.$disconnect();
});

type EmulatorEvent = { id: string; type: string; event: Stripe.Event };

async function emulatorEvents(type: string): Promise<EmulatorEvent[]> {
  const response = await fetch(`${emulator.url}/_emulator/events?type=${type}`);
  return ((await response.json()) as { data: EmulatorEvent[] }).data;
}

/** Delivers an event to the webhook route as Stripe would, signed. */
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

/** An order paid through the emulator: session, card payment, `checkout.session.completed` delivered. */
async function paidOrder(options: Parameters<typeof placeTestOrder>[1]) {
  const placed = await placeTestOrder(db, options);
  const session = await stripe.checkout.sessions.create(
    checkoutParams.checkoutSessionParams(placed.payment, 'http://localhost:3000'),
  );
  await db.order.update({ where: { id: placed.order.id }, data: { stripeSessionId: session.id } });
  await fetch(`${emulator.url}/_emulator/sessions/${session.id}/complete`, { method: 'POST', body: '{}' });
  const completed = (await emulatorEvents('checkout.session.completed')).find(
    (e) => (e.event.data.object as Stripe.Checkout.Session).id === session.id,
  );
  expect((await deliver(completed!.event)).status).toBe(200);
  const line = await db.orderLine.findFirstOrThrow({ where: { orderId: placed.order.id }, select: { id: true } });
  const { stripePaymentIntentId } = await db.order.findUniqueOrThrow({ where: { id: placed.order.id } });
  return { ...placed, lineId: line.id, paymentIntentId: stripePaymentIntentId! };
}

async function refundEventsOf(paymentIntentId: string): Promise<Stripe.Event[]> {
  return (await emulatorEvents('charge.refunded'))
    .filter((e) => (e.event.data.object as Stripe.Charge).payment_intent === paymentIntentId)
    .map((e) => e.event);
}

const orderOf = (id: number) => db.order.findUniqueOrThrow({ where: { id }, select: { status: true, version: true } });
const refundRows = (orderId: number) =>
  db.refund.findMany({
    where: { orderId },
    orderBy: { id: 'asc' },
    select: { status: true, amountCents: true, appliedAt: true, stripeRefundId: true, staffId: true },
  });

const oneCopy = (reference: string, version: number, lineId: number) => ({
  kind: 'partial' as const,
  reference,
  version,
  reason: 'damaged' as const,
  note: null,
  request: { lines: [{ orderLineId: lineId, quantity: 1 }], shipping: false, extraCents: 0 },
});

describe('a refund of one line, applied exactly once', () => {
  it('webhook delivered twice before Stripe’s answer is applied: the copy goes back on the shelf once', async () => {
    const { order, book, lineId, paymentIntentId } = await paidOrder({ onHand: 3, withSupplier: false, quantity: 2 });
    const recorded = await refunds.recordRefundRequest(actor, oneCopy(order.reference, 0, lineId));
    if (!recorded.ok || !recorded.ticket) throw new Error('not recorded');
    const ticket = recorded.ticket;
    expect(ticket.amountCents).toBe(2000);
    // Stripe takes the refund; its event reaches the shop (twice) before the shop reads the answer.
    const answer = await stripe.refunds.create(
      { payment_intent: paymentIntentId, amount: ticket.amountCents, metadata: { refund_id: String(ticket.refundId) } },
      { idempotencyKey: `refund-${ticket.idempotencyKey}` },
    );
    const [event] = await refundEventsOf(paymentIntentId);
    expect((await deliver(event!)).status).toBe(200);
    expect((await deliver(event!)).status).toBe(200);
    await refunds.settleRefund(ticket.refundId, orderRefunds.toFact(answer), new Date());

    expect(await stockAndLedger(db, book.id, order.id)).toEqual({
      stock: { onHand: 2, held: 0 },
      ledger: [
        { quantity: -2, reason: 'SALE' },
        { quantity: 1, reason: 'SALE_CANCELLED' },
      ],
    });
    expect(await db.orderLine.findUniqueOrThrow({ where: { id: lineId }, select: { refundedQuantity: true } })).toEqual(
      {
        refundedQuantity: 1,
      },
    );
    expect(await refundRows(order.id)).toMatchObject([
      { status: 'succeeded', amountCents: 2000, stripeRefundId: answer.id },
    ]);
    expect((await orderOf(order.id)).status).toBe('paid');
  });

  it('Stripe’s answer first, then the webhook twice: the same, once', async () => {
    const { order, book, lineId, paymentIntentId } = await paidOrder({ onHand: 3, withSupplier: false, quantity: 2 });
    expect(await orderRefunds.refundOrder(actor, oneCopy(order.reference, 0, lineId))).toEqual({
      ok: true,
      message: 'Remboursement de 20,00\u00a0€ effectué.',
    });
    const [event] = await refundEventsOf(paymentIntentId);
    await deliver(event!);
    await deliver(event!);
    expect((await stockAndLedger(db, book.id, order.id)).ledger).toEqual([
      { quantity: -2, reason: 'SALE' },
      { quantity: 1, reason: 'SALE_CANCELLED' },
    ]);
    expect(await refundRows(order.id)).toHaveLength(1);
    // Sending it again reuses its Idempotency-Key: nothing more is refunded.
    const [refund] = await db.refund.findMany({ where: { orderId: order.id }, select: { id: true } });
    expect(await orderRefunds.retryRefund(order.reference, refund!.id)).toMatchObject({
      ok: false,
      code: 'NOT_PENDING',
    });
    expect((await stripe.refunds.list({ payment_intent: paymentIntentId })).data).toHaveLength(1);
  });

  it('answer and webhook applied at the same moment, 10 times: once each', async () => {
    for (let round = 0; round < 10; round += 1) {
      const { order, book, lineId, paymentIntentId } = await paidOrder({ onHand: 2, withSupplier: false, quantity: 1 });
      const recorded = await refunds.recordRefundRequest(actor, oneCopy(order.reference, 0, lineId));
      if (!recorded.ok || !recorded.ticket) throw new Error('not recorded');
      const answer = await stripe.refunds.create(
        {
          payment_intent: paymentIntentId,
          amount: recorded.ticket.amountCents,
          metadata: { refund_id: String(recorded.ticket.refundId) },
        },
        { idempotencyKey: `refund-${recorded.ticket.idempotencyKey}` },
      );
      const [event] = await refundEventsOf(paymentIntentId);
      await Promise.all([
        refunds.settleRefund(recorded.ticket.refundId, orderRefunds.toFact(answer), new Date()),
        deliver(event!),
        deliver(event!),
      ]);
      expect((await stockAndLedger(db, book.id, order.id)).ledger).toEqual([
        { quantity: -1, reason: 'SALE' },
        { quantity: 1, reason: 'SALE_CANCELLED' },
      ]);
      // The delivery fee was not refunded: the order stays payée.
      expect((await orderOf(order.id)).status).toBe('paid');
      expect(await refundRows(order.id)).toMatchObject([{ status: 'succeeded' }]);
    }
  });
});

describe('cancelling and other refunds', () => {
  it('cancelling refunds what remains, puts shelf copies back, cancels copies still awaited', async () => {
    const { order, book, lineId, paymentIntentId } = await paidOrder({ onHand: 1, withSupplier: true, quantity: 3 });
    const result = await orderRefunds.refundOrder(actor, {
      kind: 'cancel',
      reference: order.reference,
      version: 0,
      reason: 'cancellation',
      note: 'Le client a changé d’avis',
    });
    expect(result).toMatchObject({ ok: true });
    expect(await orderOf(order.id)).toMatchObject({ status: 'cancelled' });
    expect((await stockAndLedger(db, book.id, order.id)).ledger).toEqual([
      { quantity: -1, reason: 'SALE' },
      { quantity: 1, reason: 'SALE_CANCELLED' },
    ]);
    expect(
      await db.orderLine.findUniqueOrThrow({
        where: { id: lineId },
        select: { refundedQuantity: true, cancelledBackorderQuantity: true },
      }),
    ).toEqual({ refundedQuantity: 3, cancelledBackorderQuantity: 2 });
    expect(await refundRows(order.id)).toMatchObject([{ status: 'succeeded', amountCents: order.totalCents }]);
    // The late event changes nothing: still cancelled, not "remboursée".
    for (const event of await refundEventsOf(paymentIntentId)) await deliver(event);
    expect(await orderOf(order.id)).toMatchObject({ status: 'cancelled' });
    expect(
      await db.auditEntry.findMany({ where: { orderId: order.id }, orderBy: { id: 'asc' }, select: { action: true } }),
    ).toEqual([{ action: 'order.status_changed' }, { action: 'refund.requested' }]);
  });

  it('"tout rembourser" after a partial refund gives back the rest: the order is remboursée, every copy back', async () => {
    const { order, book, lineId } = await paidOrder({ onHand: 3, withSupplier: false, quantity: 2 });
    expect(await orderRefunds.refundOrder(actor, oneCopy(order.reference, 0, lineId))).toMatchObject({ ok: true });
    const { version } = await orderOf(order.id);
    expect(
      await orderRefunds.refundOrder(actor, {
        kind: 'everything',
        reference: order.reference,
        version,
        reason: 'withdrawal',
        note: null,
      }),
    ).toMatchObject({ ok: true });
    expect(await orderOf(order.id)).toMatchObject({ status: 'refunded' });
    expect((await refundRows(order.id)).reduce((sum, r) => sum + r.amountCents, 0)).toBe(order.totalCents);
    expect((await stockAndLedger(db, book.id, order.id)).ledger).toEqual([
      { quantity: -2, reason: 'SALE' },
      { quantity: 1, reason: 'SALE_CANCELLED' },
      { quantity: 1, reason: 'SALE_CANCELLED' },
    ]);
    expect(
      await orderRefunds.refundOrder(actor, {
        kind: 'everything',
        reference: order.reference,
        version: (await orderOf(order.id)).version,
        reason: 'withdrawal',
        note: null,
      }),
    ).toEqual({ ok: false, code: 'NOTHING_LEFT', message: 'La commande est déjà entièrement remboursée.' });
  });

  it('a refund made in the Stripe Dashboard is recorded as such, restocks nothing, and closes the order when whole', async () => {
    const { order, book, paymentIntentId } = await paidOrder({ onHand: 2, withSupplier: false, quantity: 1 });
    await stripe.refunds.create({ payment_intent: paymentIntentId });
    for (const event of await refundEventsOf(paymentIntentId)) await deliver(event);
    expect(await refundRows(order.id)).toMatchObject([
      { status: 'succeeded', amountCents: order.totalCents, staffId: null },
    ]);
    expect((await orderOf(order.id)).status).toBe('refunded');
    expect((await stockAndLedger(db, book.id, order.id)).ledger).toEqual([{ quantity: -1, reason: 'SALE' }]);
  });

  it('more than was paid is refused, and nothing is recorded', async () => {
    const { order, lineId } = await paidOrder({ onHand: 2, withSupplier: false, quantity: 1 });
    const result = await orderRefunds.refundOrder(actor, {
      ...oneCopy(order.reference, 0, lineId),
      reason: 'goodwill',
      request: { lines: [{ orderLineId: lineId, quantity: 1 }], shipping: true, extraCents: 1 },
    });
    expect(result).toMatchObject({ ok: false, code: 'MORE_THAN_PAID' });
    expect(result.ok || result.message).toMatch(
      /^Le remboursement \(.+\) dépasse ce qui reste payé sur la commande \(.+\)\.$/,
    );
    expect(await refundRows(order.id)).toEqual([]);
  });

  it('when Stripe says no, the refund is marked failed and its copies can be refunded again', async () => {
    const { order, lineId, paymentIntentId } = await paidOrder({ onHand: 2, withSupplier: false, quantity: 1 });
    // Refunded whole in the Dashboard; the shop has not heard of it yet.
    await stripe.refunds.create({ payment_intent: paymentIntentId });
    const result = await orderRefunds.refundOrder(actor, oneCopy(order.reference, 0, lineId));
    expect(result).toEqual({
      ok: false,
      code: 'REFUND_REFUSED',
      message: 'Stripe a refusé le remboursement (charge_already_refunded). Rien n’a été remboursé.',
    });
    expect(await refundRows(order.id)).toMatchObject([{ status: 'failed', appliedAt: null }]);
    expect(
      await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { attentionReason: true } }),
    ).toMatchObject({
      attentionReason: expect.stringMatching(/refusé par Stripe/),
    });
  });
});

describe('two members of staff refunding the same copy at once, from two app instances', () => {
  it('on 10 orders: one refund recorded per order, the other told why', async () => {
    const orders = [];
    for (let i = 0; i < 10; i += 1) orders.push(await paidOrder({ onHand: 2, withSupplier: false, quantity: 1 }));
    const other = { id: (await createTestStaff(db)).id, ip: '192.0.2.21' };
    const items = orders.map((o) => oneCopy(o.order.reference, 0, o.lineId));
    const runs = await runOrderDeskWorkers(inject('databaseUrl'), [
      { kind: 'refund', actor, items },
      { kind: 'refund', actor: other, items },
    ]);
    for (const [index, { order }] of orders.entries()) {
      const outcomes = runs.map((run) => run.results[index]);
      expect(outcomes.filter((o) => o?.ok)).toHaveLength(1);
      expect(outcomes.find((o) => !o?.ok)).toMatchObject({ code: 'ORDER_CHANGED' });
      expect(await db.refund.count({ where: { orderId: order.id } })).toBe(1);
    }
  });
});
