'use server';

import { redirect } from 'next/navigation';
import { readCartId } from '@/lib/cart/cart-cookie';
import { startCheckout } from '@/lib/checkout/start-checkout';
import { getShopSettings } from '@/lib/data/staff/shop-settings';
import { getEnv } from '@/lib/env';
import { hasPlaceholderMediator } from '@/lib/shop/settings';
import { clientKey } from '@/lib/http/client-address';
import { getStripe } from '@/lib/stripe';
import { failure, type Failure } from '@/lib/core/result';
import { CHECKOUT_FIELDS, CheckoutFormSchema, type CheckoutForm } from '@/lib/validation/checkout';
import { getCurrentReader } from '@/lib/auth/require-reader';
import { saveReaderAddress } from '@/lib/data/readers/reader-addresses';
import { savedAddressOf } from '@/lib/reader-accounts/saved-address';
import { fieldErrors } from '@/lib/validation/zod-errors';
import { logger } from '@/lib/observability/logger';

export type CheckoutState = (Failure & { values?: Record<string, string> }) | null;

/** Posts the delivery form; on success the reader goes to Stripe's payment page. */
export async function startCheckoutAction(_state: CheckoutState, formData: FormData): Promise<CheckoutState> {
  if (!(formData instanceof FormData)) {
    return failure('INVALID_INPUT', 'Formulaire invalide : rechargez la page et réessayez.');
  }
  // Echoed back into the form on failure, cut to a sane length.
  const values = Object.fromEntries(
    CHECKOUT_FIELDS.map((field) => [field, String(formData.get(field) ?? '').slice(0, 300)]),
  );
  const cartId = await readCartId();
  if (!cartId) return { ...failure('EMPTY_CART', 'Votre panier est vide.'), values };
  const parsed = CheckoutFormSchema.safeParse(values);
  if (!parsed.success) {
    return {
      ...failure('INVALID_INPUT', 'Vérifiez les champs signalés.', { fieldErrors: fieldErrors(parsed.error) }),
      values,
    };
  }
  // A real shop takes no order while its consumer mediator is the demo's placeholder (Code de la
  // consommation, art. L612-1 and L616-1): staff are told at /admin/reglages.
  const shop = await getShopSettings();
  if (getEnv().STRIPE_SECRET_KEY && hasPlaceholderMediator(shop)) {
    logger.error('checkout refused: the consumer mediator is still the placeholder (set it at /admin/reglages)');
    return {
      ...failure(
        'SHOP_NOT_READY',
        `La librairie ne prend pas encore de commandes en ligne. Commandez par téléphone au ${shop.phone} ou à ${shop.email}.`,
      ),
      values,
    };
  }
  const started = await startCheckout(cartId, parsed.data, {
    stripe: getStripe(),
    siteUrl: getEnv().SITE_URL,
    now: new Date(),
    clientKey: await clientKey(),
  });
  if (!started.ok) return { ...started, values };
  await keepReaderAddress(parsed.data);
  redirect(started.paymentUrl);
}

/** A signed-in reader who orders with an address the account lacks: it is saved for next time. */
async function keepReaderAddress(form: CheckoutForm): Promise<void> {
  const reader = await getCurrentReader();
  if (!reader || form.deliveryMethod !== 'home_delivery') return;
  const address = savedAddressOf({
    ...form,
    addressLine1: form.addressLine1 ?? null,
    addressLine2: form.addressLine2 ?? null,
    postalCode: form.postalCode ?? null,
    city: form.city ?? null,
  });
  if (address) await saveReaderAddress(reader.id, address);
}
