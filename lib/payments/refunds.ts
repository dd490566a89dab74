import 'server-only';
import type Stripe from 'stripe';
import type { RefundRequest } from '@/lib/data/payments';
import { getStripe } from '@/lib/stripe';

/**
 * Refunds an order Stripe took money for but the shop cannot fulfil. One idempotency key per
 * order, so a redelivered event never refunds twice (https://docs.stripe.com/api/idempotent_requests).
 * The order turns `remboursée` when Stripe's `charge.refunded` event arrives. Returns whether
 * Stripe accepted the refund; on failure the order keeps its attention reason for staff.
 */
export async function requestRefund(refund: RefundRequest, stripe: Stripe = getStripe()): Promise<boolean> {
  try {
    await stripe.refunds.create(
      {
        payment_intent: refund.paymentIntentId,
        reason: 'requested_by_customer',
        metadata: { order_reference: refund.reference },
      },
      { idempotencyKey: `refund-${refund.reference}` },
    );
    return true;
  } catch (error) {
    console.error(`refund of order ${refund.reference} failed`, error);
    return false;
  }
}
