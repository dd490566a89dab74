import 'server-only';
import type Stripe from 'stripe';
import { abandonOrder, attachCheckoutSession, placeOrder } from '@/lib/data/buying/checkout';
import { consumeLimit } from '@/lib/data/platform/rate-limits';
import { checkoutIdempotencyKey, checkoutSessionParams } from '@/lib/payments/checkout-session-params';
import { failure, type Result } from '@/lib/core/result';
import type { CheckoutForm } from '@/lib/validation/checkout';
import { logger } from '@/lib/observability/logger';

export type CheckoutDependencies = {
  /** The one Stripe client (lib/stripe.ts), or one pointed at a test emulator. */
  stripe: Stripe;
  /** The shop's public URL, for Stripe's return links. */
  siteUrl: string;
  now: Date;
  /** The client's hashed address (lib/http/client-address.ts): rate limits and the cap on held copies. */
  clientKey: string;
};

/**
 * "Commander avec obligation de paiement": the order is created with its copies held
 * (placeOrder, one transaction), then its Stripe Checkout Session, and the reader is sent to
 * the payment page. Prices come from the database, never from the form. If Stripe cannot be
 * reached, the order is abandoned at once and its copies go back on the shelf.
 */
export async function startCheckout(
  cartId: string,
  form: CheckoutForm,
  { stripe, siteUrl, now, clientKey }: CheckoutDependencies,
): Promise<Result<{ paymentUrl: string; orderReference: string }>> {
  const limited =
    (await consumeLimit('checkoutPerClient', clientKey)) ?? (await consumeLimit('checkoutPerCart', cartId));
  if (limited) return limited;

  const placed = await placeOrder(cartId, form, now, clientKey);
  if (!placed.ok) return placed;
  const { order } = placed;
  if (placed.existingSessionUrl)
    return { ok: true, paymentUrl: placed.existingSessionUrl, orderReference: order.reference };

  // The replaced order's payment page is closed at Stripe too (best effort: if it was paid
  // meanwhile, the webhook honours it).
  for (const sessionId of placed.replacedSessionIds) await expireQuietly(stripe, sessionId);

  let session: Stripe.Checkout.Session;
  try {
    // Same order, same idempotency key: a retried or concurrent request never opens a second
    // payment page (https://docs.stripe.com/api/idempotent_requests).
    session = await stripe.checkout.sessions.create(checkoutSessionParams(order, siteUrl), {
      idempotencyKey: checkoutIdempotencyKey(order),
    });
    if (!session.url) throw new Error(`Stripe returned no URL for session ${session.id}`);
  } catch (error) {
    logger.error({ err: error, orderReference: order.reference }, 'checkout: Stripe session failed');
    await abandonOrder(order.id, 'La session de paiement Stripe n’a pas pu être créée.');
    return failure(
      'PAYMENT_UNAVAILABLE',
      'Le paiement est momentanément indisponible. Réessayez dans quelques minutes.',
    );
  }
  if (!(await attachCheckoutSession(order.id, session.id, session.url))) {
    // Another "Commander" from this cart replaced the order while its page was being opened.
    await expireQuietly(stripe, session.id);
    return failure(
      'ORDER_REPLACED',
      'Une autre commande de ce panier vient d’être passée : rechargez la page pour la retrouver.',
    );
  }
  return { ok: true, paymentUrl: session.url, orderReference: order.reference };
}

/** Closes a payment page at Stripe, best effort: if it was paid meanwhile, the webhook honours it. */
export async function expireQuietly(stripe: Stripe, sessionId: string): Promise<void> {
  await stripe.checkout.sessions
    .expire(sessionId)
    .catch((error: unknown) => logger.warn({ err: error, sessionId }, 'checkout: could not expire a session'));
}
