'use client';

import { useActionState } from 'react';
import { addToCartAction, type CartActionState } from '@/app/panier/actions';

/** A plain form: it posts and lands on the cart even before JavaScript has loaded. */
export function AddToCartForm({ ean, title, compact = false }: { ean: string; title: string; compact?: boolean }) {
  const [state, action, pending] = useActionState<CartActionState, FormData>(addToCartAction, null);
  return (
    <form action={action} className="add-to-cart">
      <input type="hidden" name="ean" value={ean} />
      {!compact && (
        <label>
          Quantité
          <input type="number" name="quantity" defaultValue={1} min={1} max={99} inputMode="numeric" required />
        </label>
      )}
      <button type="submit" disabled={pending} aria-label={compact ? `Ajouter « ${title} » au panier` : undefined}>
        Ajouter au panier
      </button>
      {state && !state.ok && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
    </form>
  );
}
