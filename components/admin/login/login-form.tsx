'use client';

import { useActionState } from 'react';
import { keepValuesOnSubmit } from '@/components/ui/keep-values-on-submit';
import { FormError } from '@/components/ui/form-error';
import { Field } from '@/components/ui/field';
import { loginAction, type LoginState } from './actions';

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<LoginState, FormData>(loginAction, null);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={action} onSubmit={keepValuesOnSubmit(action)} className="admin-form login-form">
      {state && <FormError message={state.message} />}
      <input type="hidden" name="suite" value={next} />
      <Field
        name="email"
        label="Adresse e-mail"
        type="email"
        autoComplete="username"
        required
        defaultValue={state?.email ?? ''}
        error={errors.email}
      />
      <Field
        name="password"
        label="Mot de passe"
        type="password"
        autoComplete="current-password"
        required
        error={errors.password}
      />
      <button type="submit" disabled={pending}>
        Se connecter
      </button>
    </form>
  );
}
