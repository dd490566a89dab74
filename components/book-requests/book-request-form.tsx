'use client';

import Link from 'next/link';
import { useActionState, useRef } from 'react';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { MAX_REQUESTED_COPIES } from '@/lib/validation/book-requests';
import { submitBookRequestAction, type BookRequestState } from './actions';

/**
 * A key per request, minted in the browser at the first post (a cached page never hands two
 * readers the same one), posted again by a retry, renewed once the request is recorded.
 */
function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : '';
}

/** The book (its ISBN, or its title and author), how many, and how to answer the reader. */
export function BookRequestForm() {
  const key = useRef<string | null>(null);
  const [state, action, pending] = useActionState<BookRequestState, FormData>(async (previous, formData) => {
    key.current ??= newKey();
    formData.set('submission', key.current);
    const result = await submitBookRequestAction(previous, formData);
    // After a recorded request, the next one is another request.
    if (result?.ok) key.current = null;
    return result;
  }, null);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? {};
  const errors = failed?.fieldErrors ?? {};
  const field = (name: string, label: string, props: React.ComponentProps<'input'> = {}) => (
    <Field name={name} label={label} defaultValue={values[name] ?? ''} error={errors[name]} {...props} />
  );
  return (
    <form action={action} className="checkout-form" noValidate aria-label="Commander un livre absent du catalogue">
      {failed && <FormError message={failed.message} />}
      {failed?.catalogEan && (
        <p>
          <Link href={`/livre/${failed.catalogEan}`}>Voir la fiche du livre</Link>
        </p>
      )}
      {state?.ok && (
        <p className="notice" role="status">
          {state.message}
        </p>
      )}
      <fieldset>
        <legend>Le livre</legend>
        <p className="field-hint">Son ISBN (au dos du livre, 13 chiffres), ou son titre et son auteur.</p>
        {field('isbn', 'ISBN', { inputMode: 'numeric', autoComplete: 'off', maxLength: 40 })}
        {field('title', 'Titre', { maxLength: 200, autoComplete: 'off' })}
        {field('author', 'Auteur', { maxLength: 120, autoComplete: 'off' })}
        {field('publisher', 'Éditeur (facultatif)', { maxLength: 120, autoComplete: 'off' })}
        <Field
          name="quantity"
          label="Exemplaires"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_REQUESTED_COPIES}
          defaultValue={values.quantity || '1'}
          error={errors.quantity}
          required
        />
      </fieldset>
      <fieldset>
        <legend>Vos coordonnées</legend>
        {field('fullName', 'Nom et prénom', { autoComplete: 'name', required: true, maxLength: 100 })}
        {field('email', 'Adresse e-mail', { type: 'email', autoComplete: 'email', required: true, maxLength: 254 })}
        {field('phone', 'Téléphone (facultatif)', { type: 'tel', autoComplete: 'tel', maxLength: 30 })}
        {field('message', 'Précisions (facultatif)', {
          maxLength: 500,
          autoComplete: 'off',
          placeholder: 'Édition, année, pour quand…',
        })}
      </fieldset>
      <button type="submit" disabled={pending}>
        Envoyer la demande
      </button>
    </form>
  );
}
