// Every call the shop makes, checked both ways against Stripe's OpenAPI schema + x-drift:
// what the SDK sends (decoded form body) and what the emulator answers.
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkoutSessionParams } from '@/lib/payments/checkout-session-params';
import { decodeFormBody, loadStripeSpec } from './openapi-subset';
import { PAYING_CARD, shopSessionParams, startHarness, submitCard, waitFor, type Harness } from './test-support';

const spec = loadStripeSpec();
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

function lastSent(method: string, pathPrefix: string) {
  const found = h.sent.filter((request) => request.method === method && request.path.startsWith(pathPrefix)).at(-1);
  if (!found) throw new Error(`No ${method} ${pathPrefix} was sent`);
  return found;
}

function withoutLastResponse<T extends object>(object: T): Omit<T, 'lastResponse'> {
  const { lastResponse: _ignored, ...rest } = object as T & { lastResponse?: unknown };
  return rest;
}

describe('the validator itself', () => {
  it('refuses what the 2026 API dropped and what the schema forbids', () => {
    expect(spec.createSessionParams.validate({ success_url: 'https://x', payment_method_types: ['card'] })).toContain(
      'payment_method_types',
    );
    expect(
      spec.createSessionParams.validate({
        success_url: 'https://x',
        line_items: [{ price_data: { currency: 'eur', unit_amount: '29.5' } }],
      }),
    ).toContain('integer');
    expect(spec.session.validate({ id: 'cs_test_x' })).toContain("required property 'automatic_tax'");
    const closedSession = spec.session.validate({ shipping_details: null });
    expect(closedSession).toContain('shipping_details');
    expect(
      spec.refund.validate({
        id: 're_1',
        object: 'refund',
        amount: 1,
        created: 1,
        currency: 'eur',
        status: 'succeeded',
        bogus: 1,
      }),
    ).toContain('bogus');
  });
});

describe('the shop’s calls against Stripe’s schema', () => {
  let session: Stripe.Checkout.Session;

  it('create: request params and Session response', async () => {
    session = await h.stripe.checkout.sessions.create(shopSessionParams());
    const sent = lastSent('POST', '/v1/checkout/sessions');
    const params = decodeFormBody(sent.body);
    expect(params).toMatchObject({
      mode: 'payment',
      line_items: [{ quantity: '1', price_data: { unit_amount: '2900' } }],
    });
    expect(params).not.toHaveProperty('payment_method_types');
    expect(spec.createSessionParams.validate(params)).toBe(true);
    expect(sent.headers['Idempotency-Key'] ?? sent.headers['idempotency-key']).toBeTruthy();
    expect(spec.session.validate(withoutLastResponse(session))).toBe(true);
    expect(session).not.toHaveProperty('shipping_details');
  });

  it('create with the params built by lib/payments/checkout-session-params.ts', async () => {
    const params = checkoutSessionParams(
      {
        id: 7,
        reference: 'LIB-2026-0007',
        email: 'lecteur@example.fr',
        totalCents: 2900 * 2 + 1450 + 300,
        shippingCents: 300,
        shippingLabel: 'Livraison en point relais',
        holdExpiresAt: new Date(Date.now() + 35 * 60 * 1000),
        lines: [
          { ean: '9782070360024', title: "L'Étranger", quantity: 2, unitPriceCents: 2900 },
          { ean: '9782070368228', title: 'La Peste', quantity: 1, unitPriceCents: 1450 },
        ],
      },
      'http://localhost:3000',
    );
    const created = await h.stripe.checkout.sessions.create(params, {
      idempotencyKey: 'checkout-session-LIB-2026-0007',
    });
    expect(spec.createSessionParams.validate(decodeFormBody(lastSent('POST', '/v1/checkout/sessions').body))).toBe(
      true,
    );
    expect(spec.session.validate(withoutLastResponse(created))).toBe(true);
    expect(created).toMatchObject({ amount_total: 7550, client_reference_id: 'LIB-2026-0007', status: 'open' });
  });

  it('retrieve (also with line items expanded): Session response', async () => {
    const retrieved = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ['line_items'] });
    expect(spec.session.validate(withoutLastResponse(retrieved))).toBe(true);
    const item = retrieved.line_items?.data[0];
    expect(item).toMatchObject({
      object: 'item',
      quantity: 1,
      amount_total: 2900,
      description: "L'Étranger — Albert Camus",
    });
    expect(spec.item.validate(item)).toBe(true);
  });

  it('paid session in the webhook: Session schema', async () => {
    expect((await submitCard(session.url ?? '', PAYING_CARD)).status).toBe(303);
    const completed = await waitFor(
      () => h.received.find((w) => w.event.type === 'checkout.session.completed'),
      'completed',
    );
    expect(spec.session.validate(completed.event.data.object)).toBe(true);
  });

  it('refund: request params, Refund response and the Charge in charge.refunded', async () => {
    const paid = await h.stripe.checkout.sessions.retrieve(session.id);
    const refund = await h.stripe.refunds.create({
      payment_intent: paid.payment_intent as string,
      amount: 900,
      reason: 'requested_by_customer',
      metadata: { orderId: 'order_42' },
    });
    const params = decodeFormBody(lastSent('POST', '/v1/refunds').body);
    expect(spec.createRefundParams.validate(params)).toBe(true);
    expect(spec.refund.validate(withoutLastResponse(refund))).toBe(true);
    const refunded = await waitFor(() => h.received.find((w) => w.event.type === 'charge.refunded'), 'charge.refunded');
    expect(spec.charge.validate(refunded.event.data.object)).toBe(true);
    expect(refunded.event.data.object).toMatchObject({
      object: 'charge',
      amount_refunded: 900,
      refunded: false,
      payment_intent: paid.payment_intent,
    });
  });

  it('list and retrieve a payment’s refunds (charge.refunded does not carry them): Refund items, newest first, paged', async () => {
    const paid = await h.stripe.checkout.sessions.retrieve(session.id);
    const paymentIntent = paid.payment_intent as string;
    await h.stripe.refunds.create(
      { payment_intent: paymentIntent, amount: 100, metadata: { refund_id: '2', order_reference: 'LF-TEST' } },
      { idempotencyKey: 'refund-list-test-2' },
    );
    const first = await h.stripe.refunds.list({ payment_intent: paymentIntent, limit: 1 });
    expect(first.data).toHaveLength(1);
    expect(first.has_more).toBe(true);
    const all = await h.stripe.refunds
      .list({ payment_intent: paymentIntent, limit: 1 })
      .autoPagingToArray({ limit: 10 });
    expect(all.map((refund) => refund.amount)).toEqual([100, 900]);
    expect(all[0]?.metadata).toEqual({ refund_id: '2', order_reference: 'LF-TEST' });
    for (const refund of all) expect(spec.refund.validate(refund)).toBe(true);
    const retrieved = await h.stripe.refunds.retrieve(all[1]?.id ?? '');
    expect(spec.refund.validate(withoutLastResponse(retrieved))).toBe(true);
    expect(retrieved).toMatchObject({ amount: 900, payment_intent: paymentIntent, status: 'succeeded' });
    expect((await h.stripe.refunds.list({ payment_intent: 'pi_unknown' })).data).toEqual([]);
    await expect(h.stripe.refunds.list({ payment_intent: paymentIntent, limit: 101 })).rejects.toThrow(/limit/);
  });

  it('list the events whose webhooks were not delivered (the reconciliation’s call): params, list and Event', async () => {
    const since = Math.floor(Date.now() / 1000) - 3600;
    const types = ['checkout.session.completed', 'charge.refunded'];
    const listed = await h.stripe.events
      .list({ types, created: { gte: since }, delivery_success: true, limit: 100 })
      .autoPagingToArray({ limit: 1000 });
    const sent = lastSent('GET', '/v1/events');
    expect(spec.listEventsParams.validate(decodeFormBody(sent.path.split('?')[1] ?? ''))).toBe(true);
    expect(listed.length).toBeGreaterThan(0);
    for (const event of listed) {
      expect(types).toContain(event.type);
      expect(spec.event.validate(event)).toBe(true);
    }
    const page = await h.stripe.events.list({ type: 'checkout.session.*', limit: 1 });
    expect(spec.eventList.validate(withoutLastResponse(page))).toBe(true);
    expect(page.data[0]?.type).toMatch(/^checkout\.session\./);
    const retrieved = await h.stripe.events.retrieve(listed[0]!.id);
    expect(spec.event.validate(withoutLastResponse(retrieved))).toBe(true);
    // Every delivery here succeeded: none is listed as undelivered.
    expect((await h.stripe.events.list({ types, delivery_success: false })).data).toEqual([]);
    await expect(h.stripe.events.list({ type: 'charge.refunded', types })).rejects.toThrow(/either `type` or `types`/);
    await expect(h.stripe.events.retrieve('evt_unknown')).rejects.toThrow(/No such event/);
  });

  it('expire: request params and Session response', async () => {
    const other = await h.stripe.checkout.sessions.create(shopSessionParams());
    const expired = await h.stripe.checkout.sessions.expire(other.id);
    expect(
      spec.expireSessionParams.validate(
        decodeFormBody(lastSent('POST', `/v1/checkout/sessions/${other.id}/expire`).body),
      ),
    ).toBe(true);
    expect(spec.session.validate(withoutLastResponse(expired))).toBe(true);
  });
});
