import type Stripe from 'stripe';
import { applyStripeEvent, EventNotYetApplicable, type EventContext } from '@/lib/data/payments';
import { getEnv } from '@/lib/env';
import { listPaymentRefunds } from '@/lib/payments/order-refunds';
import { requestRefund } from '@/lib/payments/refunds';
import { getStripe } from '@/lib/stripe';

export const dynamic = 'force-dynamic';

/**
 * Stripe's events. The raw body is verified against the signature before anything is read
 * (https://docs.stripe.com/webhooks#verify-events); a bad signature gets 400 and changes nothing.
 * 2xx tells Stripe the event is handled; a thrown error gives 500 and Stripe retries.
 */
export async function POST(request: Request): Promise<Response> {
  const signature = request.headers.get('stripe-signature');
  if (!signature) return problem(400, 'MISSING_SIGNATURE', 'En-tête Stripe-Signature manquant.');
  const body = await request.text();
  let event;
  try {
    event = getStripe().webhooks.constructEvent(body, signature, getEnv().STRIPE_WEBHOOK_SECRET);
  } catch (error) {
    console.warn('stripe webhook: signature rejected', error instanceof Error ? error.message : error);
    return problem(400, 'INVALID_SIGNATURE', 'Signature Stripe invalide.');
  }
  let context: EventContext;
  try {
    context = await eventContext(event);
  } catch (error) {
    console.error(`stripe webhook: could not fetch what ${event.id} needs from Stripe`, error);
    return problem(503, 'STRIPE_UNAVAILABLE', 'Stripe est injoignable : réessayez plus tard.');
  }
  let result;
  try {
    result = await applyStripeEvent(event, new Date(), context);
  } catch (error) {
    if (error instanceof EventNotYetApplicable) return problem(409, 'EVENT_NOT_YET_APPLICABLE', error.message);
    throw error;
  }
  if (result.refund) await requestRefund(result.refund);
  return Response.json({ received: true, outcome: result.outcome });
}

/** `charge.refunded` does not list its refunds: ask Stripe (issue 8, lib/data/refunds.ts). */
async function eventContext(event: Stripe.Event): Promise<EventContext> {
  if (event.type !== 'charge.refunded') return {};
  const intent = event.data.object.payment_intent;
  const paymentIntentId = typeof intent === 'string' ? intent : intent?.id;
  return { refunds: paymentIntentId ? await listPaymentRefunds(paymentIntentId) : [] };
}

function problem(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}
