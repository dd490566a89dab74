'use client';

import { useActionState } from 'react';
import { keepValuesOnSubmit } from '@/components/ui/keep-values-on-submit';
import { FormError } from '@/components/ui/form-error';
import { declareWithdrawalAction, type WithdrawalState } from './actions';
import { Field } from '@/components/ui/field';

type Line = { id: number; title: string; max: number };

/**
 * The whole order, or some copies of some lines; an optional reason; a box to confirm.
 * `closedMessage`: why nothing can be withdrawn (any more). The page passes it rather than
 * replacing the form, so that the confirmation of a declaration survives the page's refresh that
 * follows it (by then, nothing is left to withdraw).
 */
export function WithdrawalForm({
  token,
  lines,
  closedMessage,
}: {
  token: string;
  lines: Line[];
  closedMessage: string | null;
}) {
  const [state, action, pending] = useActionState<WithdrawalState, FormData>(declareWithdrawalAction, null);
  if (state?.ok || closedMessage) {
    return (
      <p className="notice" role="status">
        {state?.ok ? state.message : closedMessage}
      </p>
    );
  }
  return (
    <form
      action={action}
      onSubmit={keepValuesOnSubmit(action)}
      className="checkout-form"
      aria-label="Déclarer une rétractation"
    >
      {state && !state.ok && <FormError message={state.message} />}
      <input type="hidden" name="token" value={token} />
      <fieldset>
        <legend>Ce que vous renvoyez</legend>
        <label className="radio">
          <input type="radio" name="scope" value="tout" defaultChecked /> Toute la commande
        </label>
        <label className="radio">
          <input type="radio" name="scope" value="lignes" /> Certains livres seulement (indiquez le nombre d’exemplaires
          ci-dessous)
        </label>
        {lines
          .filter((line) => line.max > 0)
          .map((line) => (
            <div className="field" key={line.id}>
              <label htmlFor={`qty-${line.id}`}>
                {line.title} (au plus {line.max})
              </label>
              <input
                id={`qty-${line.id}`}
                name={`qty-${line.id}`}
                type="number"
                min={0}
                max={line.max}
                defaultValue={0}
              />
            </div>
          ))}
      </fieldset>
      <Field label="Motif (facultatif)" name="reason" maxLength={500} />
      <label className="radio">
        <input type="checkbox" name="confirm" value="oui" required /> Je me rétracte du contrat pour les livres indiqués
      </label>
      <button type="submit" disabled={pending}>
        Envoyer ma rétractation
      </button>
    </form>
  );
}
