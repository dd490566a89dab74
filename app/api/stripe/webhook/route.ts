import { applyStripeEvent } from '@/lib/data/payments';
import { getEnv } from '@/lib/env';
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
  const result = await applyStripeEvent(event, new Date());
  if (!result.ok) return problem(409, result.code, result.message);
  if (result.refund) await requestRefund(result.refund);
  return Response.json({ received: true, outcome: result.outcome });
}

function problem(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}
