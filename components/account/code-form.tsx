'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { signInWithCodeAction, type AccountFormState } from './actions';

/**
 * The 6-digit code of the sign-in e-mail, for a reader who reads it on another device. Shown by
 * /compte/connexion once the e-mail is sent, and by /compte/connexion/code: without JavaScript the
 * form posts to the latter (the permalink), where its answer is shown.
 */
export function CodeForm({ email = '' }: { email?: string }) {
  const [state, action, pending] = useActionState<AccountFormState, FormData>(
    signInWithCodeAction,
    null,
    '/compte/connexion/code',
  );
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="checkout-form" noValidate aria-label="Se connecter avec le code reçu">
      {failed && <FormError message={failed.message} />}
      <Field
        name="email"
        label="Adresse e-mail"
        type="email"
        autoComplete="email"
        required
        defaultValue={failed?.values?.email ?? email}
        error={failed?.fieldErrors?.email}
      />
      <Field
        name="code"
        label="Code à 6 chiffres reçu par courriel"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        required
        error={failed?.fieldErrors?.code}
      />
      <button type="submit" className="button-main" disabled={pending}>
        Me connecter avec ce code
      </button>
    </form>
  );
}
