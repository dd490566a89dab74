'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { requestAvailabilityAlertAction, type AlertRequestState } from './actions';

/**
 * "M'avertir de sa disponibilité": a plain form (it posts without JavaScript), the same markup for
 * every reader, since the book page may be stored by the front cache; the answer comes with the
 * POST, which is never stored.
 */
export function AvailabilityAlertForm({ ean }: { ean: string }) {
  const [state, action, pending] = useActionState<AlertRequestState, FormData>(requestAvailabilityAlertAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="alert-form" noValidate aria-label="M’avertir de sa disponibilité">
      <input type="hidden" name="ean" value={ean} />
      <p className="field-hint">
        Un seul courriel, dès que le livre est en stock ; votre adresse ne sert à rien d’autre (
        <Link href="/donnees-personnelles#finalites">vos données</Link>).
      </p>
      {failed && <FormError message={failed.message} />}
      {state?.ok ? (
        <p className="notice" role="status">
          {state.message}
        </p>
      ) : (
        <>
          <Field
            name="email"
            id="alerte-email"
            label="Votre adresse e-mail"
            type="email"
            autoComplete="email"
            required
            maxLength={254}
            defaultValue={failed?.values?.email ?? ''}
            error={failed?.fieldErrors?.email}
          />
          <button type="submit" disabled={pending}>
            M’avertir de sa disponibilité
          </button>
        </>
      )}
    </form>
  );
}
