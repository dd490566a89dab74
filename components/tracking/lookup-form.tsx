'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { requestTrackingLinkAction, type LookupState } from './actions';

const PURPOSES = {
  tracking: { label: 'Suivre une commande', button: 'Recevoir un lien de suivi' },
  withdrawal: { label: 'Renoncer à une commande', button: 'Recevoir le lien de rétractation' },
} as const;

/**
 * The order number and the e-mail of the order; the answer never says whether they match. The
 * link e-mailed to a matching order follows it (`tracking`) or opens the declaration of a
 * withdrawal (`withdrawal`).
 */
export function LookupForm({ purpose = 'tracking' }: { purpose?: keyof typeof PURPOSES }) {
  const [state, action, pending] = useActionState<LookupState, FormData>(requestTrackingLinkAction, null);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? {};
  const errors = failed?.fieldErrors ?? {};
  const field = (name: 'reference' | 'email', label: string, props: React.ComponentProps<'input'>) => (
    <Field name={name} label={label} defaultValue={values[name] ?? ''} error={errors[name]} {...props} />
  );
  return (
    <form action={action} className="checkout-form" noValidate aria-label={PURPOSES[purpose].label}>
      <input type="hidden" name="purpose" value={purpose} />
      {failed && <FormError message={failed.message} />}
      {state?.ok && (
        <p className="notice" role="status">
          {state.message}
        </p>
      )}
      {field('reference', 'Numéro de commande', { autoComplete: 'off', required: true, placeholder: 'LF-7K3P9QXW' })}
      {field('email', 'Adresse e-mail de la commande', { type: 'email', autoComplete: 'email', required: true })}
      <button type="submit" disabled={pending}>
        {PURPOSES[purpose].button}
      </button>
    </form>
  );
}
