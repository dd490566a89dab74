'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { keepValuesOnSubmit } from '@/components/ui/keep-values-on-submit';
import { withdrawalAction, type WithdrawalState, type WithdrawalSummary } from './actions';
import { formatCopies } from '@/lib/core/copies';

type Line = { id: number; title: string; max: number };

/**
 * The withdrawal function (Code de la consommation, art. L221-21 and D221-5), in two steps: the
 * declaration (who declares, the whole order or some copies, an optional reason), shown back as
 * it will be recorded, then the distinct "Confirmer la rétractation". `closedMessage`: why
 * nothing can be withdrawn (any more). The page passes it rather than replacing the form, so
 * that the confirmation of a declaration survives the page's refresh that follows it.
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
  const [state, action, pending] = useActionState<WithdrawalState, FormData>(withdrawalAction, null);
  if (state?.ok && state.step === 'done') {
    return (
      <p className="notice" role="status">
        {state.message}
      </p>
    );
  }
  if (closedMessage) {
    return (
      <p className="notice" role="status">
        {closedMessage}
      </p>
    );
  }
  if (state?.ok && state.step === 'review') {
    return (
      <WithdrawalReview token={token} summary={state.summary} values={state.values} action={action} pending={pending} />
    );
  }
  const values = state && 'values' in state ? (state.values ?? {}) : {};
  return (
    <form
      action={action}
      onSubmit={keepValuesOnSubmit(action)}
      className="checkout-form"
      aria-label="Déclarer une rétractation"
    >
      {state && !state.ok && <FormError message={state.message} />}
      <input type="hidden" name="token" value={token} />
      <Field
        name="fullName"
        label="Vos nom et prénom"
        autoComplete="name"
        required
        maxLength={100}
        defaultValue={values.fullName}
      />
      <fieldset>
        <legend>Ce que vous renvoyez</legend>
        <label className="radio">
          <input type="radio" name="scope" value="tout" defaultChecked={values.scope !== 'lignes'} /> Toute la commande
        </label>
        <label className="radio">
          <input type="radio" name="scope" value="lignes" defaultChecked={values.scope === 'lignes'} /> Certains livres
          seulement (indiquez le nombre d’exemplaires ci-dessous)
        </label>
        {lines
          .filter((line) => line.max > 0)
          .map((line) => (
            <Field
              key={line.id}
              name={`qty-${line.id}`}
              label={`${line.title} (au plus ${line.max})`}
              type="number"
              min={0}
              max={line.max}
              defaultValue={values[`qty-${line.id}`] ?? 0}
            />
          ))}
      </fieldset>
      <Field label="Motif (facultatif)" name="reason" maxLength={500} defaultValue={values.reason} />
      <button type="submit" name="step" value="verifier" disabled={pending}>
        Vérifier ma déclaration
      </button>
    </form>
  );
}

/** The declaration as it will be recorded, and the distinct confirmation (art. D221-5). */
function WithdrawalReview({
  token,
  summary,
  values,
  action,
  pending,
}: {
  token: string;
  summary: WithdrawalSummary;
  values: Record<string, string>;
  action: (formData: FormData) => void;
  pending: boolean;
}) {
  return (
    <form action={action} className="checkout-form" aria-label="Confirmer la rétractation">
      <h2>Votre déclaration</h2>
      <p>
        Je soussigné(e) {summary.fullName} notifie par la présente ma rétractation du contrat portant sur{' '}
        {summary.wholeOrder ? 'toute la commande' : 'les livres suivants'} :
      </p>
      <ul>
        {summary.lines.map((line, index) => (
          <li key={index}>
            {line.title} : {formatCopies(line.quantity)}
          </li>
        ))}
      </ul>
      {summary.reason && <p>Motif : {summary.reason}</p>}
      <input type="hidden" name="token" value={token} />
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p>Rien n’est enregistré avant que vous ne confirmiez.</p>
      <button type="submit" name="step" value="confirmer" disabled={pending}>
        Confirmer la rétractation
      </button>{' '}
      <button type="submit" name="step" value="modifier" className="button-secondary" disabled={pending}>
        Modifier ma déclaration
      </button>
    </form>
  );
}
