'use server';

import { redirect } from 'next/navigation';
import { requireReader } from '@/lib/auth/require-reader';
import { readCartId } from '@/lib/cart/cart-cookie';
import { expireQuietly } from '@/lib/checkout/start-checkout';
import { placeOrderOnAccount } from '@/lib/data/buying/orders-on-account';
import { clientKey } from '@/lib/http/client-address';
import { getStripe } from '@/lib/stripe';
import { failure, type Failure } from '@/lib/core/result';
import { ON_ACCOUNT_FIELDS, OnAccountFormSchema } from '@/lib/validation/orders-on-account';
import { fieldErrors } from '@/lib/validation/zod-errors';

export type OnAccountState = (Failure & { values?: Record<string, string> }) | null;

/**
 * « Commander sur compte »: a signed-in buyer orders the cart for one of their organisations, with
 * no payment online (docs/decisions/027-orders-on-account.md). The organisation is checked against
 * the reader's e-mail in the order's transaction; the prices come from the database.
 */
export async function orderOnAccountAction(_state: OnAccountState, formData: FormData): Promise<OnAccountState> {
  if (!(formData instanceof FormData)) {
    return failure('INVALID_INPUT', 'Formulaire invalide : rechargez la page et réessayez.');
  }
  const values = Object.fromEntries(
    ON_ACCOUNT_FIELDS.map((field) => [field, String(formData.get(field) ?? '').slice(0, 300)]),
  );
  // Signed out meanwhile: to the sign-in form, as every account action (lib/auth/require-reader.ts).
  const reader = await requireReader();
  const cartId = await readCartId();
  if (!cartId) return { ...failure('EMPTY_CART', 'Votre panier est vide.'), values };
  const parsed = OnAccountFormSchema.safeParse(values);
  if (!parsed.success) {
    return {
      ...failure('INVALID_INPUT', 'Vérifiez les champs signalés.', { fieldErrors: fieldErrors(parsed.error) }),
      values,
    };
  }
  const placed = await placeOrderOnAccount(reader, cartId, parsed.data, new Date(), await clientKey());
  if (!placed.ok) return { ...placed, values };
  for (const sessionId of placed.replacedSessionIds) await expireQuietly(getStripe(), sessionId);
  redirect(`/compte/commandes?commande=${placed.reference}`);
}
