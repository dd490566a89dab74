'use client';

import { useActionState } from 'react';
import { updateCartLineAction, type CartActionState } from './actions';
import { FormError } from '@/components/ui/form-error';

type Props = { ean: string; title: string; quantity: number; maxQuantity: number };

export function CartLineForm({ ean, title, quantity, maxQuantity }: Props) {
  const [state, action, pending] = useActionState<CartActionState, FormData>(updateCartLineAction, null);
  const inputId = `quantite-${ean}`;
  return (
    <div className="cart-line-actions">
      <form action={action}>
        <input type="hidden" name="ean" value={ean} />
        <label htmlFor={inputId}>Quantité de « {title} »</label>
        <input
          id={inputId}
          type="number"
          name="quantity"
          defaultValue={quantity}
          min={0}
          max={Math.max(maxQuantity, quantity)}
          inputMode="numeric"
          required
        />
        <button type="submit" disabled={pending}>
          Mettre à jour
        </button>
      </form>
      <form action={action}>
        <input type="hidden" name="ean" value={ean} />
        <input type="hidden" name="quantity" value="0" />
        <button
          type="submit"
          className="button-secondary"
          disabled={pending}
          aria-label={`Retirer « ${title} » du panier`}
        >
          Retirer
        </button>
      </form>
      {state && !state.ok && <FormError message={state.message} />}
    </div>
  );
}
