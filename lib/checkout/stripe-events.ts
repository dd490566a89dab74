import 'server-only';
import type Stripe from 'stripe';
import { applyStripeEvent, type EventContext, type EventResult } from '@/lib/data/buying/payments';
import type { Result } from '@/lib/core/result';
import { countPaymentApplied, type PaymentSource } from '@/lib/observability/metrics';
import { listPaymentRefunds, refundUnfulfillablePayment } from '@/lib/refunds/stripe-refunds';

// One Stripe event, however it reached the shop: by its webhook (app/api/stripe/webhook), by the
// reconciliation that lists the events whose webhook never came (stripe-reconciliation.ts), or by
// the confirmation page that finds the payment done before its webhook. One code path, so the
// event id recorded with its effect (lib/data/buying/payments.ts) applies it exactly once
// whichever comes first (https://docs.stripe.com/webhooks#handle-duplicate-events).

export class StripeUnavailable extends Error {}

/** `charge.refunded` does not list its refunds: ask Stripe (lib/data/order-desk/refunds.ts). */
async function eventContext(event: Stripe.Event): Promise<EventContext> {
  if (event.type !== 'charge.refunded') return {};
  // A malformed event (no object) is acknowledged by applyStripeEvent, not fetched for.
  const intent = (event.data?.object as Partial<Stripe.Charge> | undefined)?.payment_intent;
  const paymentIntentId = typeof intent === 'string' ? intent : intent?.id;
  try {
    return { refunds: paymentIntentId ? await listPaymentRefunds(paymentIntentId) : [] };
  } catch (error) {
    throw new StripeUnavailable(`could not list the refunds ${event.id} needs`, { cause: error });
  }
}

/** The outcomes of an event that marked its order paid (lib/data/buying/payments.ts, markPaid). */
function paidAnOrder(outcome: string): boolean {
  return outcome === 'paid' || outcome.startsWith('paid,') || outcome.startsWith('paid after expiry');
}

/**
 * Applies a verified event; a payment the shop cannot fulfil is then refunded whole. Throws
 * StripeUnavailable when Stripe does not answer what the event needs (nothing is written).
 * `source`: the path that brought it, counted when it paid an order (librairie_payments_applied_total).
 */
export async function handleStripeEvent(
  event: Stripe.Event,
  now: Date,
  source: PaymentSource,
): Promise<Result<EventResult>> {
  const result = await applyStripeEvent(event, now, await eventContext(event));
  if (result.ok && paidAnOrder(result.outcome)) countPaymentApplied(source);
  if (result.ok && result.refund) await refundUnfulfillablePayment(result.refund);
  return result;
}
