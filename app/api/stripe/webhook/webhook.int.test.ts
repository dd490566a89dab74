import Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '@/scripts/test/test-database';

// The route handler itself: raw body, signature checked with the real stripe SDK.
const SECRET = 'whsec_route_test_secret_0123456789';
const db = openTestDatabase();
let POST: typeof import('./route').POST;

beforeAll(async () => {
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
  ({ POST } = await import('./route'));
});

const stripe = new Stripe('sk_test_unused');

function request(body: string, signature: string | null): Request {
  return new Request('http://localhost:3000/api/stripe/webhook', {
    method: 'POST',
    body,
    headers: signature ? { 'stripe-signature': signature, 'content-type': 'application/json' } : {},
  });
}

const event = (id: string) =>
  JSON.stringify({
    id,
    object: 'event',
    type: 'checkout.session.expired',
    data: { object: { id: 'cs_test_unknown', object: 'checkout.session', client_reference_id: null, metadata: {} } },
  });

describe('POST /api/stripe/webhook', () => {
  it('refuses a bad signature with 400 and records nothing', async () => {
    const body = event('evt_bad_signature');
    const forged = stripe.webhooks.generateTestHeaderString({ payload: body, secret: 'whsec_someone_else_secret' });
    const response = await POST(request(body, forged));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 'INVALID_SIGNATURE', message: 'Signature Stripe invalide.' },
    });
    expect(await db.paymentEvent.count({ where: { id: 'evt_bad_signature' } })).toBe(0);
  });

  it('refuses a missing signature and a body changed after signing', async () => {
    const body = event('evt_tampered');
    expect((await POST(request(body, null))).status).toBe(400);
    const signature = stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET });
    expect((await POST(request(body.replace('expired', 'completed'), signature))).status).toBe(400);
    expect(await db.paymentEvent.count({ where: { id: 'evt_tampered' } })).toBe(0);
  });

  it('accepts a signed event once; a redelivery is a no-op', async () => {
    const body = event('evt_signed_ok');
    const signature = stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET });
    const first = await POST(request(body, signature));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, outcome: 'ignored: no matching order' });
    const again = await POST(request(body, signature));
    expect(await again.json()).toEqual({ received: true, outcome: 'duplicate' });
    expect(await db.paymentEvent.count({ where: { id: 'evt_signed_ok' } })).toBe(1);
  });
});
