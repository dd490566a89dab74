'use client';

import { startTransition, useActionState, type FormEvent } from 'react';
import { addToCartAction, type CartActionState } from './actions';
import { FormError } from '@/components/ui/form-error';
import { SHOP } from '@/lib/shop/config';

type Props = {
  ean: string;
  title: string;
  compact?: boolean;
  /** A forthcoming title, sold as a pre-order (docs/decisions/023-pre-orders.md): "Précommander". */
  preOrder?: boolean;
};

/**
 * A plain form posted to /panier/ajouter: without JavaScript, one write and a redirect to the
 * cart (lib/cart/add-to-cart-request.ts). With it, the same fields go to the Server Action,
 * whose one answer brings the cart page with the header's new count, or the reason under the
 * button (docs/decisions/035-add-to-cart-without-a-page.md).
 */
export function AddToCartForm({ ean, title, compact = false, preOrder = false }: Props) {
  const [state, action, pending] = useActionState<CartActionState, FormData>(addToCartAction, null);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = new FormData(event.currentTarget);
    startTransition(() => action(fields));
  }
  return (
    <form action="/panier/ajouter" method="post" onSubmit={submit} className="add-to-cart">
      <input type="hidden" name="ean" value={ean} />
      {!compact && (
        <label>
          Quantité
          <input
            type="number"
            name="quantity"
            defaultValue={1}
            min={1}
            max={SHOP.maxCopiesPerBook}
            inputMode="numeric"
            required
          />
        </label>
      )}
      <button type="submit" disabled={pending}>
        {preOrder ? 'Précommander' : 'Ajouter au panier'}
        {/* The visible words come first in the name (WCAG 2.5.3, label in name). */}
        {compact && <span className="visually-hidden"> : « {title} »</span>}
      </button>
      {state && !state.ok && <FormError message={state.message} />}
    </form>
  );
}
