'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { readCartId } from '@/lib/cart/cart-cookie';
import { addToCart } from '@/lib/cart/add-to-cart';
import { changeCart } from '@/lib/cart/change-cart';
import { clientKey } from '@/lib/http/client-address';
import { failure, type Failure } from '@/lib/core/result';
import { UpdateCartLineSchema } from '@/lib/validation/cart';
import { firstErrorMessage } from '@/lib/validation/zod-errors';

export type CartActionState = { ok: true } | Failure | null;

const NOT_A_FORM = failure('INVALID_INPUT', 'Formulaire invalide : rechargez la page et réessayez.');

// Each action: a FormData or nothing (a Server Action is a public POST endpoint), the cart is
// the one of this browser's signed cookie (authorization), the form is parsed with zod, the
// change is one transaction in lib/data, then the pages are revalidated.

/** The two fields of every cart form, as a browser posts them. */
function cartFields(formData: FormData) {
  return { ean: formData.get('ean') ?? undefined, quantity: formData.get('quantity') ?? undefined };
}

export async function addToCartAction(_state: CartActionState, formData: FormData): Promise<CartActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const result = await addToCart(formData);
  if (!result.ok) return result;
  // The whole tree from the root layout: the header's count changes on every page.
  revalidatePath('/', 'layout');
  redirect('/panier');
}

export async function updateCartLineAction(_state: CartActionState, formData: FormData): Promise<CartActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const parsed = UpdateCartLineSchema.safeParse(cartFields(formData));
  if (!parsed.success) return failure('INVALID_INPUT', firstErrorMessage(parsed.error));
  const cartId = await readCartId();
  if (!cartId) return failure('NO_CART', 'Votre panier a expiré. Ajoutez à nouveau vos livres.');
  const result = await changeCart(cartId, parsed.data, 'set', await clientKey());
  if (!result.ok) return result;
  revalidatePath('/', 'layout');
  return { ok: true };
}
