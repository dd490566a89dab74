import type Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { signPayload } from './webhooks';
import { shopSessionParams, startHarness, WEBHOOK_SECRET, waitFor, type Harness } from './test-support';

type EventView = {
  id: string;
  type: string;
  state: string;
  deliveries: { attempt: number; status: number | null; error: string | null; ok: boolean }[];
};

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function listEvents(harness: Harness): Promise<EventView[]> {
  const response = await fetch(`${harness.emulator.url}/_emulator/events`);
  return ((await response.json()) as { data: EventView[] }).data;
}

async function payNow(harness: Harness): Promise<Stripe.Checkout.Session> {
  const session = await harness.stripe.checkout.sessions.create(shopSessionParams());
  const response = await fetch(`${harness.emulator.url}/_emulator/sessions/${session.id}/complete`, { method: 'POST' });
  expect(response.status).toBe(200);
  return session;
}

const hold = (harness: Harness, held: boolean) =>
  fetch(`${harness.emulator.url}/_emulator/webhooks/hold`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ held }),
  }).then((response) => response.json() as Promise<{ held: boolean; released: number }>);

describe('webhook delivery', () => {
  it('held back (an outage of the shop’s endpoint): nothing is sent, the events are listed as undelivered, then released', async () => {
    h = await startHarness();
    expect(await hold(h, true)).toEqual({ held: true, released: 0 });
    const session = await payNow(h);
    expect((await listEvents(h)).map((e) => e.state)).toEqual(['held']);
    expect(h.received).toEqual([]);
    const undelivered = await h.stripe.events.list({ delivery_success: false, type: 'checkout.session.completed' });
    expect(undelivered.data.map((event) => (event.data.object as Stripe.Checkout.Session).id)).toEqual([session.id]);

    expect(await hold(h, false)).toEqual({ held: false, released: 1 });
    const harness = h;
    await waitFor(async () => (await listEvents(harness)).every((e) => e.state === 'delivered'), 'release');
    expect(h.received.map((r) => r.event.type)).toEqual(['checkout.session.completed']);
    expect((await h.stripe.events.list({ delivery_success: false })).data).toEqual([]);
  });

  it('signs like Stripe: the SDK verifies the header', async () => {
    const { default: StripeSdk } = await import('stripe');
    const payload = JSON.stringify({ id: 'evt_1', object: 'event' });
    const event = new StripeSdk('sk_test_x').webhooks.constructEvent(
      payload,
      signPayload(payload, WEBHOOK_SECRET),
      WEBHOOK_SECRET,
    );
    expect(event.id).toBe('evt_1');
    expect(() =>
      new StripeSdk('sk_test_x').webhooks.constructEvent(payload, signPayload(payload, 'whsec_other'), WEBHOOK_SECRET),
    ).toThrow();
  });

  it('retries a receiver answering 500 twice, then 200: three attempts recorded', async () => {
    h = await startHarness({ retryBaseDelayMs: 5, maxDeliveryAttempts: 5 });
    h.respond = (_event, attempt) => (attempt <= 2 ? 500 : 200);
    await payNow(h);
    const harness = h;
    const delivered = await waitFor(
      async () => (await listEvents(harness)).find((e) => e.state === 'delivered'),
      'delivery',
    );
    expect(delivered.type).toBe('checkout.session.completed');
    expect(delivered.deliveries.map((d) => [d.attempt, d.status, d.ok])).toEqual([
      [1, 500, false],
      [2, 500, false],
      [3, 200, true],
    ]);
    // Same event id every time, each attempt signed validly.
    expect(new Set(h.received.map((w) => w.event.id)).size).toBe(1);
    expect(h.received).toHaveLength(3);
    expect(h.rejected).toEqual([]);
  });

  it('gives up after maxDeliveryAttempts, then resends on demand', async () => {
    h = await startHarness({ retryBaseDelayMs: 5, maxDeliveryAttempts: 3 });
    h.respond = () => 503;
    await payNow(h);
    const harness = h;
    const failed = await waitFor(async () => (await listEvents(harness)).find((e) => e.state === 'failed'), 'failure');
    expect(failed.deliveries).toHaveLength(3);

    h.respond = () => 200;
    const resend = await fetch(`${h.emulator.url}/_emulator/events/${failed.id}/resend`, { method: 'POST' });
    expect(resend.status).toBe(202);
    const delivered = await waitFor(
      async () => (await listEvents(harness)).find((e) => e.id === failed.id && e.state === 'delivered'),
      'resend',
    );
    expect(delivered.deliveries.map((d) => d.ok)).toEqual([false, false, false, true]);
  });

  it('records connection errors as failed attempts', async () => {
    const { startStripeEmulator } = await import('./server');
    // A port nobody listens on any more: a stopped emulator's.
    const dead = await startStripeEmulator({ port: 0, webhookUrl: null, webhookSecret: WEBHOOK_SECRET });
    await dead.stop();
    const emulator = await startStripeEmulator({
      port: 0,
      webhookUrl: `${dead.url}/webhook`,
      webhookSecret: WEBHOOK_SECRET,
      retryBaseDelayMs: 5,
      maxDeliveryAttempts: 2,
    });
    try {
      const { default: StripeSdk } = await import('stripe');
      const stripe = new StripeSdk('sk_test_x', { host: '127.0.0.1', port: emulator.port, protocol: 'http' });
      const session = await stripe.checkout.sessions.create(shopSessionParams());
      await stripe.checkout.sessions.expire(session.id);
      const failed = await waitFor(async () => {
        const response = await fetch(`${emulator.url}/_emulator/events`);
        return ((await response.json()) as { data: EventView[] }).data.find((e) => e.state === 'failed');
      }, 'connection failure');
      expect(failed.deliveries).toHaveLength(2);
      expect(failed.deliveries.every((d) => d.status === null && d.error)).toBe(true);
    } finally {
      await emulator.stop();
    }
  });

  it('refund → Refund object and a charge.refunded event; over-refund → 400', async () => {
    h = await startHarness();
    const session = await payNow(h);
    const intent = (await h.stripe.checkout.sessions.retrieve(session.id)).payment_intent as string;
    const refund = await h.stripe.refunds.create({ payment_intent: intent, amount: 1000 });
    expect(refund).toMatchObject({
      object: 'refund',
      status: 'succeeded',
      amount: 1000,
      currency: 'eur',
      payment_intent: intent,
    });
    expect(refund.id).toMatch(/^re_/);
    const harness = h;
    const refunded = await waitFor(
      () => harness.received.find((w) => w.event.type === 'charge.refunded'),
      'charge.refunded',
    );
    expect(refunded.event.data.object).toMatchObject({
      object: 'charge',
      amount: 2900,
      amount_refunded: 1000,
      refunded: false,
      payment_intent: intent,
    });

    const tooMuch = await h.stripe.refunds
      .create({ payment_intent: intent, amount: 2000 })
      .catch((caught: unknown) => caught);
    expect(tooMuch).toMatchObject({ statusCode: 400, code: 'amount_too_large', param: 'amount' });
    const rest = await h.stripe.refunds.create({ payment_intent: intent });
    expect(rest.amount).toBe(1900);
    const again = await h.stripe.refunds.create({ payment_intent: intent }).catch((caught: unknown) => caught);
    expect(again).toMatchObject({ statusCode: 400, code: 'charge_already_refunded' });
    const unknown = await h.stripe.refunds.create({ payment_intent: 'pi_nope' }).catch((caught: unknown) => caught);
    expect(unknown).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });

  it('records events without delivering when no webhook URL is set', async () => {
    h = await startHarness({ webhooks: false });
    await payNow(h);
    const events = await listEvents(h);
    expect(events.map((e) => [e.type, e.state, e.deliveries.length])).toEqual([
      ['checkout.session.completed', 'not_sent', 0],
    ]);
    expect(h.received).toEqual([]);
  });
});
