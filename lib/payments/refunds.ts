import 'server-only';
import type { RefundRequest } from '@/lib/data/payments';
import { getStripe } from '@/lib/stripe';

/**
 * Refunds an order Stripe took money for but the shop cannot fulfil. One idempotency key per
 * order, so a redelivered event never refunds twice (https://docs.stripe.com/api/idempotent_requests).
 * The order turns `remboursée` when Stripe's `charge.refunded` event arrives.
 */
export async function requestRefund(refund: RefundRequest): Promise<void> {
  try {
    await getStripe().refunds.create(
      {
        payment_intent: refund.paymentIntentId,
        reason: 'requested_by_customer',
        metadata: { order_reference: refund.reference },
      },
      { idempotencyKey: `refund-${refund.reference}` },
    );
  } catch (error) {
    // The order keeps its attention reason: staff see it and refund by hand.
    console.error(`refund of order ${refund.reference} failed`, error);
  }
}
