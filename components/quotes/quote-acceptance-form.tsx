'use client';

import { useActionState } from 'react';
import { acceptQuoteAction, type QuoteFormState } from './actions';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';

type Props = { quoteId: number; number: string; engagementNumberRequired: boolean };

/** The buyer accepts the quote: it becomes an order on account, with their purchase-order number. */
export function QuoteAcceptanceForm({ quoteId, number, engagementNumberRequired }: Props) {
  const [state, action, pending] = useActionState<QuoteFormState, FormData>(acceptQuoteAction, null);
  const values = state?.values ?? {};
  const errors = state?.fieldErrors ?? {};
  const field = (name: string, label: string, props: React.ComponentProps<'input'> = {}) => (
    <Field
      name={name}
      id={`devis-${name}`}
      label={label}
      defaultValue={values[name] ?? ''}
      error={errors[name]}
      {...props}
    />
  );
  return (
    <form action={action} className="checkout-form" noValidate>
      {state && !state.ok && <FormError message={state.message} />}
      <input type="hidden" name="quoteId" value={quoteId} />
      <fieldset>
        <legend>Accepter le devis {number}</legend>
        {field('fullName', 'Nom et prénom de l’acheteur', { autoComplete: 'name', required: true })}
        {field('phone', 'Téléphone (pour le transporteur, facultatif)', { type: 'tel', autoComplete: 'tel' })}
        {field('purchaseOrderNumber', 'Numéro de bon de commande (facultatif)')}
        {field(
          'engagementNumber',
          engagementNumberRequired ? 'Numéro d’engagement (Chorus Pro)' : 'Numéro d’engagement (facultatif)',
          { required: engagementNumberRequired },
        )}
      </fieldset>
      <button type="submit" className="button-main" disabled={pending}>
        Accepter le devis et commander
      </button>
    </form>
  );
}
