import type Stripe from 'stripe';

// The Checkout Session the shop asks Stripe for. Pure, so the amounts sent to Stripe are tested
// against the order they come from. https://docs.stripe.com/api/checkout/sessions/create

export type OrderForPayment = {
  id: number;
  reference: string;
  email: string;
  totalCents: number;
  shippingCents: number;
  shippingLabel: string;
  holdExpiresAt: Date;
  lines: { ean: string; title: string; quantity: number; unitPriceCents: number }[];
};

export function checkoutSessionParams(order: OrderForPayment, siteUrl: string): Stripe.Checkout.SessionCreateParams {
  const lineItems: Stripe.Checkout.SessionCreateParams.LineItem[] = order.lines.map((line) => ({
    quantity: line.quantity,
    price_data: {
      currency: 'eur',
      unit_amount: line.unitPriceCents,
      product_data: { name: line.title, metadata: { ean: line.ean } },
    },
  }));
  // Shipping as a line of its own, so the amount Stripe charges is exactly the order's total
  // (the legal minimum fee included: arrêté du 4 avril 2023).
  if (order.shippingCents > 0) {
    lineItems.push({
      quantity: 1,
      price_data: { currency: 'eur', unit_amount: order.shippingCents, product_data: { name: order.shippingLabel } },
    });
  }
  const charged = lineItems.reduce((sum, item) => sum + (item.price_data?.unit_amount ?? 0) * (item.quantity ?? 0), 0);
  if (charged !== order.totalCents) {
    throw new Error(
      `Order ${order.reference}: Stripe lines sum to ${charged} cents, order total is ${order.totalCents}`,
    );
  }
  const metadata = { order_id: String(order.id), order_reference: order.reference };
  return {
    mode: 'payment',
    line_items: lineItems,
    customer_email: order.email,
    locale: 'fr',
    client_reference_id: order.reference,
    metadata,
    payment_intent_data: { metadata },
    success_url: `${siteUrl}/commande/confirmation?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${siteUrl}/panier`,
    expires_at: Math.floor(order.holdExpiresAt.getTime() / 1000),
  };
}

/** Same order, same key: a retried request never creates a second session. */
export function checkoutIdempotencyKey(order: Pick<OrderForPayment, 'reference'>): string {
  return `checkout-session-${order.reference}`;
}
