import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PAYING_CARD,
  shopSessionParams,
  startHarness,
  submitCard,
  TEST_API_KEY,
  waitFor,
  type Harness,
} from './test-support';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

async function emulatorEvents(
  type?: string,
): Promise<{ id: string; type: string; state: string; deliveries: { ok: boolean }[] }[]> {
  const response = await fetch(`${h.emulator.url}/_emulator/events${type ? `?type=${type}` : ''}`);
  return (
    (await response.json()) as { data: { id: string; type: string; state: string; deliveries: { ok: boolean }[] }[] }
  ).data;
}

function normalizeSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

describe('Checkout with the hosted page', () => {
  it('pays with 4242: French page, 303 to success_url, signed checkout.session.completed', async () => {
    const session = await h.stripe.checkout.sessions.create(shopSessionParams());
    expect(session.id).toMatch(/^cs_test_/);
    expect(session).toMatchObject({
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 2900,
      currency: 'eur',
      payment_intent: null,
    });
    expect(session.url).toBe(`${h.emulator.url}/pay/${session.id}`);

    const page = await fetch(session.url ?? '');
    const html = normalizeSpaces(await page.text());
    expect(page.status).toBe(200);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Payer 29,00 €');
    expect(html).toContain('L&#39;Étranger — Albert Camus');
    for (const label of ['Numéro de carte', 'Date d&#39;expiration (MM/AA)', 'CVC', 'Nom du titulaire']) {
      expect(html).toMatch(new RegExp(`<label for="[a-z_]+">${label.replace(/[()]/g, '\\$&')}</label>`));
    }
    expect(html).toContain('<a href="http://localhost:3000/panier">Retour à la librairie</a>');

    const paid = await submitCard(session.url ?? '', PAYING_CARD);
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`http://localhost:3000/commande/confirmation?session_id=${session.id}`);

    const completed = await waitFor(
      () => h.received.find((w) => w.event.type === 'checkout.session.completed'),
      'checkout.session.completed',
    );
    expect(h.rejected).toEqual([]);
    expect(completed.event).toMatchObject({ object: 'event', api_version: '2026-10-28.endive', livemode: false });
    const object = completed.event.data.object as Stripe.Checkout.Session;
    expect(object).toMatchObject({
      id: session.id,
      status: 'complete',
      payment_status: 'paid',
      client_reference_id: 'order_42',
      metadata: { orderId: 'order_42' },
    });
    expect(object.payment_intent).toMatch(/^pi_/);
    expect(object.customer_details?.name).toBe('Jeanne Martin');

    const retrieved = await h.stripe.checkout.sessions.retrieve(session.id);
    expect(retrieved).toMatchObject({
      status: 'complete',
      payment_status: 'paid',
      payment_intent: object.payment_intent,
      url: null,
    });

    // The paid page cannot be paid again.
    const again = await submitCard(session.url ?? '', PAYING_CARD);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Ce paiement a déjà été effectué.');
  });

  it.each([
    ['4000 0000 0000 0002', 'Votre carte a été refusée.'],
    ['4000000000009995', 'Fonds insuffisants.'],
  ])('declines %s with 402 and “%s”, the session stays open, no event', async (cardNumber, message) => {
    const session = await h.stripe.checkout.sessions.create(shopSessionParams());
    const declined = await submitCard(session.url ?? '', { ...PAYING_CARD, card_number: cardNumber });
    expect(declined.status).toBe(402);
    const html = await declined.text();
    expect(html).toContain(`role="alert">${message}`);
    expect(html).toContain('Numéro de carte');
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
    expect(await emulatorEvents()).toEqual([]);
    // Still payable afterwards.
    expect((await submitCard(session.url ?? '', PAYING_CARD)).status).toBe(303);
  });

  it('rejects an incomplete card form with 422 and field messages', async () => {
    const session = await h.stripe.checkout.sessions.create(shopSessionParams());
    const response = await submitCard(session.url ?? '', {
      card_number: '4242 4242 4242 4241',
      card_expiry: '13/30',
      card_cvc: '1',
      cardholder_name: '',
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Le numéro de carte n&#39;est pas valide.');
    expect(html).toContain('aria-invalid="true"');
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
  });

  it('shows a French page for an expired or unknown session', async () => {
    const session = await h.stripe.checkout.sessions.create(shopSessionParams());
    await h.stripe.checkout.sessions.expire(session.id);
    const page = await fetch(session.url ?? '');
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('Cette session de paiement a expiré.');
    expect((await submitCard(session.url ?? '', PAYING_CARD)).status).toBe(410);
    const unknown = await fetch(`${h.emulator.url}/pay/cs_test_inconnu`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Session de paiement introuvable.');
  });
});

describe('API rules', () => {
  it.each([
    ['in the past', -60],
    ['less than 30 minutes away', 29 * 60],
    ['more than 24 hours away', 24 * 3600 + 60],
  ])('refuses expires_at %s with a 400 on expires_at', async (_label, offsetSec) => {
    const error = await h.stripe.checkout.sessions
      .create(shopSessionParams({ expires_at: Math.floor(Date.now() / 1000) + offsetSec }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, param: 'expires_at' });
  });

  it('refuses payment_method_types (gone from the 2026 API) and missing params like Stripe', async () => {
    const unknown = await h.stripe.checkout.sessions
      .create({ ...shopSessionParams(), payment_method_types: ['card'] } as Stripe.Checkout.SessionCreateParams)
      .catch((caught: unknown) => caught);
    expect(unknown).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'payment_method_types' });

    const params = shopSessionParams();
    const missing = await h.stripe.checkout.sessions
      .create({
        ...params,
        line_items: [
          {
            quantity: 1,
            price_data: {
              unit_amount: 2900,
              product_data: { name: 'Livre' },
            } as Stripe.Checkout.SessionCreateParams.LineItem.PriceData,
          },
        ],
      })
      .catch((caught: unknown) => caught);
    expect(missing).toMatchObject({
      statusCode: 400,
      code: 'parameter_missing',
      param: 'line_items[0][price_data][currency]',
    });

    const noSuccessUrl = await h.stripe.checkout.sessions
      .create({ ...params, success_url: undefined })
      .catch((caught: unknown) => caught);
    expect(noSuccessUrl).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'success_url' });
  });

  it('answers 404 resource_missing for an unknown session', async () => {
    const error = await h.stripe.checkout.sessions.retrieve('cs_test_nope').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing', type: 'StripeInvalidRequestError' });
  });

  it('expires an open session once: checkout.session.expired, then 400', async () => {
    const session = await h.stripe.checkout.sessions.create(shopSessionParams());
    const expired = await h.stripe.checkout.sessions.expire(session.id);
    expect(expired).toMatchObject({ status: 'expired', url: null });
    const event = await waitFor(
      () => h.received.find((w) => w.event.type === 'checkout.session.expired'),
      'expired event',
    );
    expect((event.event.data.object as Stripe.Checkout.Session).id).toBe(session.id);
    const again = await h.stripe.checkout.sessions.expire(session.id).catch((caught: unknown) => caught);
    expect(again).toMatchObject({ statusCode: 400 });
  });

  it('replays an Idempotency-Key with the same body; refuses it with another body', async () => {
    const params = shopSessionParams();
    const first = await h.stripe.checkout.sessions.create(params, { idempotencyKey: 'commande-42' });
    const second = await h.stripe.checkout.sessions.create(params, { idempotencyKey: 'commande-42' });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    const conflict = await h.stripe.checkout.sessions
      .create({ ...params, client_reference_id: 'order_43' }, { idempotencyKey: 'commande-42' })
      .catch((caught: unknown) => caught);
    expect(conflict).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(conflict).toMatchObject({ statusCode: 400 });
  });

  it('answers 401 without a key or with a key that is not a test secret key', async () => {
    const noKey = await fetch(`${h.emulator.url}/v1/checkout/sessions/cs_test_x`);
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
    const live = new Stripe('sk_live_nope', { host: '127.0.0.1', port: h.emulator.port, protocol: 'http' });
    const error = await live.checkout.sessions.retrieve('cs_test_x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error).toMatchObject({ statusCode: 401 });
    // And a good key goes through.
    const ok = await fetch(`${h.emulator.url}/v1/checkout/sessions/cs_test_x`, {
      headers: { authorization: `Bearer ${TEST_API_KEY}` },
    });
    expect(ok.status).toBe(404);
  });
});

describe('Test control endpoints', () => {
  it('completes without a browser', async () => {
    const session = await h.stripe.checkout.sessions.create(shopSessionParams());
    const response = await fetch(`${h.emulator.url}/_emulator/sessions/${session.id}/complete`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(await h.stripe.checkout.sessions.retrieve(session.id)).toMatchObject({
      status: 'complete',
      payment_status: 'paid',
    });
    await waitFor(() => h.received.some((w) => w.event.type === 'checkout.session.completed'), 'completed');
  });

  it.each(['succeeded', 'failed'] as const)(
    'async payment %s: completed (unpaid) then the async event',
    async (outcome) => {
      const session = await h.stripe.checkout.sessions.create(shopSessionParams());
      const response = await fetch(`${h.emulator.url}/_emulator/sessions/${session.id}/async`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ outcome }),
      });
      expect(response.status).toBe(200);
      const completed = await waitFor(
        () => h.received.find((w) => w.event.type === 'checkout.session.completed'),
        'completed',
      );
      expect(completed.event.data.object).toMatchObject({ status: 'complete', payment_status: 'unpaid' });
      const asyncEvent = await waitFor(
        () => h.received.find((w) => w.event.type === `checkout.session.async_payment_${outcome}`),
        outcome,
      );
      expect(asyncEvent.event.data.object).toMatchObject({
        payment_status: outcome === 'succeeded' ? 'paid' : 'unpaid',
      });
      const intent = (await h.stripe.checkout.sessions.retrieve(session.id)).payment_intent as string;
      const refund = await h.stripe.refunds.create({ payment_intent: intent }).catch((caught: unknown) => caught);
      if (outcome === 'succeeded') expect(refund).toMatchObject({ object: 'refund', amount: 2900 });
      else expect(refund).toMatchObject({ statusCode: 400, code: 'charge_not_refundable' });
    },
  );

  it('expire-now emits checkout.session.expired; a bad async outcome is a 400', async () => {
    const session = await h.stripe.checkout.sessions.create(shopSessionParams());
    const bad = await fetch(`${h.emulator.url}/_emulator/sessions/${session.id}/async`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'maybe' }),
    });
    expect(bad.status).toBe(400);
    expect(
      (await fetch(`${h.emulator.url}/_emulator/sessions/${session.id}/expire-now`, { method: 'POST' })).status,
    ).toBe(200);
    await waitFor(() => h.received.some((w) => w.event.type === 'checkout.session.expired'), 'expired');
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).status).toBe('expired');
  });

  it('reset forgets sessions and events', async () => {
    const session = await h.stripe.checkout.sessions.create(shopSessionParams());
    await h.stripe.checkout.sessions.expire(session.id);
    expect((await fetch(`${h.emulator.url}/_emulator/reset`, { method: 'POST' })).status).toBe(200);
    expect(await emulatorEvents()).toEqual([]);
    await expect(h.stripe.checkout.sessions.retrieve(session.id)).rejects.toMatchObject({ statusCode: 404 });
  });
});
