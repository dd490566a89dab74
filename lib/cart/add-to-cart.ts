import 'server-only';
import { readCartId, writeCartCookie } from '@/lib/cart/cart-cookie';
import { changeCart } from '@/lib/cart/change-cart';
import { failure, type Failure } from '@/lib/core/result';
import { clientKey } from '@/lib/http/client-address';
import { AddToCartSchema } from '@/lib/validation/cart';
import { firstErrorMessage } from '@/lib/validation/zod-errors';

/**
 * "Ajouter au panier", from its form's fields: parsed with zod, added to the cart of this
 * browser's signed cookie (a new one if it has none), counted against the client's limit, and
 * the cookie written. Shared by the Server Action (the form with JavaScript) and the route
 * handler the form posts to without it (lib/cart/add-to-cart-request.ts).
 */
export async function addToCart(form: FormData): Promise<{ ok: true; cartId: string } | Failure> {
  const parsed = AddToCartSchema.safeParse({
    ean: form.get('ean') ?? undefined,
    quantity: form.get('quantity') ?? undefined,
  });
  if (!parsed.success) return failure('INVALID_INPUT', firstErrorMessage(parsed.error));
  const result = await changeCart(await readCartId(), parsed.data, 'add', await clientKey());
  if (result.ok) await writeCartCookie(result.cartId);
  return result;
}
