'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { readCartId, writeCartCookie } from '@/lib/cart/cart-cookie';
import { changeCartLine } from '@/lib/data/cart';
import type { Failure } from '@/lib/validation/action-result';
import { AddToCartSchema, UpdateCartLineSchema } from '@/lib/validation/cart';

export type CartActionState = { ok: true } | Failure | null;

// Each action: the cart is the one of this browser's signed cookie (authorization), the form
// is parsed with zod, the change is one transaction in lib/data, then the pages are revalidated.

export async function addToCartAction(_state: CartActionState, formData: FormData): Promise<CartActionState> {
  const parsed = AddToCartSchema.safeParse({
    ean: formData.get('ean') ?? undefined,
    quantity: formData.get('quantity') ?? undefined,
  });
  if (!parsed.success)
    return { ok: false, code: 'INVALID_INPUT', message: parsed.error.issues[0]?.message ?? 'Saisie invalide.' };
  const result = await changeCartLine(await readCartId(), parsed.data, 'add');
  if (!result.ok) return result;
  await writeCartCookie(result.cartId);
  revalidatePath('/panier');
  redirect('/panier');
}

export async function updateCartLineAction(_state: CartActionState, formData: FormData): Promise<CartActionState> {
  const parsed = UpdateCartLineSchema.safeParse({
    ean: formData.get('ean') ?? undefined,
    quantity: formData.get('quantity') ?? undefined,
  });
  if (!parsed.success)
    return { ok: false, code: 'INVALID_INPUT', message: parsed.error.issues[0]?.message ?? 'Saisie invalide.' };
  const cartId = await readCartId();
  if (!cartId) return { ok: false, code: 'NO_CART', message: 'Votre panier a expiré. Ajoutez à nouveau vos livres.' };
  const result = await changeCartLine(cartId, parsed.data, 'set');
  if (!result.ok) return result;
  revalidatePath('/panier');
  return { ok: true };
}
