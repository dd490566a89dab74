import 'server-only';
import { changeCartLine } from '@/lib/data/buying/cart';
import { consumeLimit } from '@/lib/data/platform/rate-limits';
import type { Result } from '@/lib/core/result';
import type { AddToCartInput, UpdateCartLineInput } from '@/lib/validation/cart';

/** A reader's change to the cart, counted against the client's limit (lib/data/platform/rate-limits.ts). */
export async function changeCart(
  cartId: string | null,
  input: AddToCartInput | UpdateCartLineInput,
  mode: 'add' | 'set',
  clientKey: string,
): Promise<Result<{ cartId: string }>> {
  const limited = await consumeLimit('cartChange', clientKey);
  if (limited) return limited;
  return changeCartLine(cartId, input, mode);
}
