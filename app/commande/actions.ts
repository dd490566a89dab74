'use server';

import { redirect } from 'next/navigation';
import { readCartId } from '@/lib/cart/cart-cookie';
import { abandonOrder, attachCheckoutSession, placeOrder } from '@/lib/data/checkout';
import { getEnv } from '@/lib/env';
import { checkoutIdempotencyKey, checkoutSessionParams } from '@/lib/payments/checkout-session-params';
import { getStripe } from '@/lib/stripe';
import type { Failure } from '@/lib/validation/action-result';
import { checkoutFieldErrors, CheckoutFormSchema } from '@/lib/validation/checkout';

export type CheckoutState = (Failure & { values?: Record<string, string> }) | null;

const FIELDS = [
  'email',
  'fullName',
  'phone',
  'deliveryMethod',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
] as const;

/**
 * "Commander avec obligation de paiement": the order is created with its copies held, then the
 * reader goes to Stripe Checkout. Prices come from the database, never from the form.
 */
export async function startCheckoutAction(_state: CheckoutState, formData: FormData): Promise<CheckoutState> {
  const values = Object.fromEntries(FIELDS.map((field) => [field, String(formData.get(field) ?? '').slice(0, 300)]));
  const cartId = await readCartId();
  if (!cartId) return { ok: false, code: 'EMPTY_CART', message: 'Votre panier est vide.', values };
  const parsed = CheckoutFormSchema.safeParse(values);
  if (!parsed.success) {
    return {
      ok: false,
      code: 'INVALID_INPUT',
      message: 'Vérifiez les champs signalés.',
      fieldErrors: checkoutFieldErrors(parsed.error),
      values,
    };
  }

  const placed = await placeOrder(cartId, parsed.data, new Date());
  if (!placed.ok) return { ...placed, values };

  // The replaced order's payment page is closed at Stripe too (best effort: if it was paid
  // meanwhile, the webhook honours it).
  for (const sessionId of placed.replacedSessionIds) {
    await getStripe()
      .checkout.sessions.expire(sessionId)
      .catch((error: unknown) => console.warn(`checkout: could not expire replaced session ${sessionId}`, error));
  }

  let sessionUrl: string | null;
  try {
    const session = await getStripe().checkout.sessions.create(checkoutSessionParams(placed.order, getEnv().SITE_URL), {
      idempotencyKey: checkoutIdempotencyKey(placed.order),
    });
    await attachCheckoutSession(placed.order.id, session.id);
    sessionUrl = session.url;
  } catch (error) {
    console.error(`checkout: Stripe session for order ${placed.order.reference} failed`, error);
    await abandonOrder(placed.order.id, 'La session de paiement Stripe n’a pas pu être créée.');
    return {
      ok: false,
      code: 'PAYMENT_UNAVAILABLE',
      message: 'Le paiement est momentanément indisponible. Réessayez dans quelques minutes.',
      values,
    };
  }
  if (!sessionUrl) throw new Error(`Stripe returned no URL for order ${placed.order.reference}`);
  redirect(sessionUrl);
}
