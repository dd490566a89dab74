'use client';

import { useActionState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { signInWithLinkAction, type AccountFormState } from './actions';

/**
 * The button of /compte/connexion/lien: the link is used only by this POST, never by opening the
 * page (mail scanners open links to look at them, and would use it up).
 */
export function LinkForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<AccountFormState, FormData>(signInWithLinkAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} aria-label="Connexion par le lien reçu">
      {failed && <FormError message={failed.message} />}
      <input type="hidden" name="jeton" value={token} />
      <button type="submit" className="button-main" disabled={pending}>
        Me connecter
      </button>
    </form>
  );
}
