'use client';

import { useActionState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { cancelPreOrderAction, type PreOrderCancelState } from './actions';

/**
 * The confirmation step of "Annuler ma précommande": one button, a plain form that posts even
 * before JavaScript has loaded. `closedMessage`: why nothing can be cancelled (any more).
 */
export function PreOrderCancelForm({ token, closedMessage }: { token: string; closedMessage: string | null }) {
  const [state, action, pending] = useActionState<PreOrderCancelState, FormData>(cancelPreOrderAction, null);
  if (state?.ok || closedMessage) {
    return (
      <p className="notice" role="status">
        {state?.ok ? state.message : closedMessage}
      </p>
    );
  }
  return (
    <form action={action} aria-label="Confirmer l’annulation de la précommande">
      {state && !state.ok && <FormError message={state.message} />}
      <input type="hidden" name="token" value={token} />
      <button type="submit" className="button-main" disabled={pending}>
        Confirmer l’annulation
      </button>
    </form>
  );
}
