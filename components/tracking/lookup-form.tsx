'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { requestTrackingLinkAction, type LookupState } from './actions';

/** The order number and the e-mail of the order; the answer never says whether they match. */
export function LookupForm() {
  const [state, action, pending] = useActionState<LookupState, FormData>(requestTrackingLinkAction, null);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? {};
  const errors = failed?.fieldErrors ?? {};
  const field = (name: 'reference' | 'email', label: string, props: React.ComponentProps<'input'>) => (
    <Field name={name} label={label} defaultValue={values[name] ?? ''} error={errors[name]} {...props} />
  );
  return (
    <form action={action} className="checkout-form" noValidate aria-label="Suivre une commande">
      {failed && <FormError message={failed.message} />}
      {state?.ok && (
        <p className="notice" role="status">
          {state.message}
        </p>
      )}
      {field('reference', 'Numéro de commande', { autoComplete: 'off', required: true, placeholder: 'LF-7K3P9QXW' })}
      {field('email', 'Adresse e-mail de la commande', { type: 'email', autoComplete: 'email', required: true })}
      <button type="submit" disabled={pending}>
        Recevoir un lien de suivi
      </button>
    </form>
  );
}
