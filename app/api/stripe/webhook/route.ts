import { handleStripeEvent, StripeUnavailable } from '@/lib/checkout/stripe-events';
import { getEnv } from '@/lib/env';
import { logger } from '@/lib/observability/logger';
import { problem } from '@/lib/http/problem';
import { readBodyWithLimit } from '@/lib/http/read-body';
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
    logger.warn(
      { reason: error instanceof Error ? error.message : String(error) },
      'stripe webhook: signature rejected',
    );
    return problem(400, 'INVALID_SIGNATURE', 'Signature Stripe invalide.');
  }
  let result;
  try {
    result = await handleStripeEvent(event, new Date(), 'webhook');
  } catch (error) {
    if (!(error instanceof StripeUnavailable)) throw error;
    logger.error({ err: error.cause, eventId: event.id }, `stripe webhook: ${error.message}`);
    return problem(503, 'STRIPE_UNAVAILABLE', 'Stripe est injoignable : réessayez plus tard.', 60);
  }
  if (!result.ok) {
    if (result.code === 'BUSY') return problem(503, result.code, result.message, result.retryAfterSeconds);
    return problem(409, result.code, result.message);
  }
  if (result.outcome === 'ignored: malformed event') {
    logger.warn({ eventId: event.id, eventType: event.type }, 'stripe webhook: malformed event');
  }
  return Response.json({ received: true, outcome: result.outcome });
}
