'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { requestSignInAction, type AccountFormState } from './actions';
import { CodeForm } from './code-form';

/**
 * The e-mail, then one sentence whatever the address (nothing says whether an account exists),
 * and the code form with that address already filled in.
 */
export function SignInForm() {
  const [state, action, pending] = useActionState<AccountFormState, FormData>(requestSignInAction, null);
  const failed = state && !state.ok ? state : null;
  if (state?.ok) {
    return (
      <>
        <p className="notice" role="status">
          {state.message}
        </p>
        <CodeForm email={state.email} />
      </>
    );
  }
  return (
    <form action={action} className="checkout-form" noValidate aria-label="Recevoir un lien de connexion">
      {failed && <FormError message={failed.message} />}
      <Field
        name="email"
        label="Adresse e-mail"
        type="email"
        autoComplete="email"
        required
        defaultValue={failed?.values?.email ?? ''}
        error={failed?.fieldErrors?.email}
      />
      <button type="submit" className="button-main" disabled={pending}>
        Recevoir un lien de connexion
      </button>
    </form>
  );
}
