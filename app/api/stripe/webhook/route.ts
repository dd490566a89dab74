import type Stripe from 'stripe';
import { applyStripeEvent, type EventContext } from '@/lib/data/buying/payments';
import { getEnv } from '@/lib/env';
import { problem } from '@/lib/http/problem';
import { readBodyWithLimit } from '@/lib/http/read-body';
import { listPaymentRefunds, refundUnfulfillablePayment } from '@/lib/refunds/stripe-refunds';
import { getStripe } from '@/lib/stripe';

export const dynamic = 'force-dynamic';

/** Stripe's events are a few kilobytes; nothing legitimate comes near this. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Stripe's events. The raw body is verified against the signature before anything is read
 * (https://docs.stripe.com/webhooks#verify-events); a bad signature gets 400 and changes nothing.
 * 2xx tells Stripe the event is handled; a non-2xx makes Stripe deliver it again later.
 */
export async function POST(request: Request): Promise<Response> {
  const signature = request.headers.get('stripe-signature');
  if (!signature) return problem(400, 'MISSING_SIGNATURE', 'En-tête Stripe-Signature manquant.');
  const body = await readBodyWithLimit(request, MAX_BODY_BYTES);
  if (!body.ok) return problem(413, 'PAYLOAD_TOO_LARGE', 'Corps de requête trop volumineux (1 Mo au plus).');
  let event;
  try {
    event = getStripe().webhooks.constructEvent(body.text, signature, getEnv().STRIPE_WEBHOOK_SECRET);
  } catch (error) {
    console.warn('stripe webhook: signature rejected', error instanceof Error ? error.message : error);
    return problem(400, 'INVALID_SIGNATURE', 'Signature Stripe invalide.');
  }
  let context: EventContext;
  try {
    context = await eventContext(event);
  } catch (error) {
    console.error(`stripe webhook: could not fetch what ${event.id} needs from Stripe`, error);
    return problem(503, 'STRIPE_UNAVAILABLE', 'Stripe est injoignable : réessayez plus tard.', 60);
  }
  const result = await applyStripeEvent(event, new Date(), context);
  if (!result.ok) {
    if (result.code === 'BUSY') return problem(503, result.code, result.message, result.retryAfterSeconds);
    return problem(409, result.code, result.message);
  }
  if (result.outcome === 'ignored: malformed event') {
    console.warn(`stripe webhook: malformed event ${event.id} (${event.type})`);
  }
  if (result.refund) await refundUnfulfillablePayment(result.refund);
  return Response.json({ received: true, outcome: result.outcome });
}

/** `charge.refunded` does not list its refunds: ask Stripe (lib/data/order-desk/refunds.ts). */
async function eventContext(event: Stripe.Event): Promise<EventContext> {
  if (event.type !== 'charge.refunded') return {};
  // A malformed event (no object) is acknowledged by applyStripeEvent, not fetched for.
  const intent = (event.data?.object as Partial<Stripe.Charge> | undefined)?.payment_intent;
  const paymentIntentId = typeof intent === 'string' ? intent : intent?.id;
  return { refunds: paymentIntentId ? await listPaymentRefunds(paymentIntentId) : [] };
}
