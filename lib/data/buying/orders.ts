import 'server-only';
import { getDb } from '@/lib/db';

/** What the confirmation page shows, found by the Checkout Session id Stripe redirected with. */
export async function getOrderConfirmation(stripeSessionId: string) {
  return getDb().order.findUnique({
    where: { stripeSessionId },
    select: {
      reference: true,
      status: true,
      createdAt: true,
      email: true,
      deliveryMethod: true,
      totalCents: true,
      shippingCents: true,
      deliveryEarliestOn: true,
      deliveryLatestOn: true,
      lines: {
        orderBy: { id: 'asc' },
        select: {
          ean: true,
          title: true,
          quantity: true,
          lineTotalCents: true,
          backorderQuantity: true,
          preOrderPublishedOn: true,
        },
      },
    },
  });
}

/**
 * Orders still waiting for their payment, a few minutes after their payment page opened, while
 * their copies are held: the reconciliation asks Stripe whether the page was completed
 * (lib/checkout/stripe-reconciliation.ts). The oldest first, a bounded batch.
 */
export async function listUnpaidCheckouts(now: Date, limit = 50) {
  const rows = await getDb().order.findMany({
    where: {
      status: 'pending_payment',
      stripeSessionId: { not: null },
      createdAt: { lte: new Date(now.getTime() - UNPAID_CHECK_AFTER_MS) },
      holdExpiresAt: { gt: now },
    },
    orderBy: { id: 'asc' },
    take: limit,
    select: { stripeSessionId: true, createdAt: true },
  });
  return rows.flatMap((row) =>
    row.stripeSessionId ? [{ stripeSessionId: row.stripeSessionId, createdAt: row.createdAt }] : [],
  );
}

/** A reader takes a minute or two to pay; the webhook comes within seconds of it. */
const UNPAID_CHECK_AFTER_MS = 3 * 60_000;

/** The events among `ids` the shop has applied already (PaymentEvent): the reconciliation skips them. */
export async function appliedPaymentEventIds(ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await getDb().paymentEvent.findMany({ where: { id: { in: ids } }, select: { id: true } });
  return new Set(rows.map((row) => row.id));
}
