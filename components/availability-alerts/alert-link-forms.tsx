'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { alertLinkAction, type AlertLinkState } from './actions';

/**
 * The alert's link page: "Confirmer mon alerte" and "Annuler l'alerte" are buttons that post, never
 * the link itself (mail scanners open links; only a person presses a button).
 */
export function AlertLinkForms({
  token,
  book,
  confirm,
}: {
  token: string;
  book: { ean: string; title: string };
  confirm: boolean;
}) {
  const [state, action, pending] = useActionState<AlertLinkState, FormData>(alertLinkAction, null);
  if (state?.ok) {
    return (
      <>
        <p className="notice" role="status">
          {state.message}
        </p>
        <p>
          <Link href={`/livre/${book.ean}`}>Retour à « {book.title} »</Link>
        </p>
      </>
    );
  }
  return (
    <>
      {state && <FormError message={state.message} />}
      {confirm && (
        <form action={action} aria-label="Confirmer mon alerte">
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="step" value="confirmer" />
          <button type="submit" disabled={pending}>
            Confirmer mon alerte
          </button>
        </form>
      )}
      <form action={action} aria-label="Annuler l’alerte">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="step" value="annuler" />
        <p>Vous ne souhaitez plus être prévenu ? L’alerte et votre adresse sont alors effacées.</p>
        <button type="submit" className="button-secondary" disabled={pending}>
          Annuler l’alerte
        </button>
      </form>
    </>
  );
}
