import 'server-only';
import { getDb } from '@/lib/db';

/** What the confirmation page shows, found by the Checkout Session id Stripe redirected with. */
export async function getOrderConfirmation(stripeSessionId: string) {
  return getDb().order.findUnique({
    where: { stripeSessionId },
    select: {
      reference: true,
      status: true,
      email: true,
      deliveryMethod: true,
      totalCents: true,
      shippingCents: true,
      deliveryEarliestOn: true,
      deliveryLatestOn: true,
      lines: {
        orderBy: { id: 'asc' },
        select: { ean: true, title: true, quantity: true, lineTotalCents: true, backorderQuantity: true },
      },
    },
  });
}
