'use client';

import { useActionState } from 'react';
import { orderOnAccountAction, type OnAccountState } from './on-account-actions';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { DeliveryMethodChoice } from './delivery-method-choice';

type Props = {
  organisationId: number;
  organisationName: string;
  homeDeliveryLabel: string;
  pickupLabel: string;
  engagementNumberRequired: boolean;
  /** « Paiement par virement à 30 jours de la facture ». */
  termsReminder: string;
  initialValues?: Record<string, string>;
};

/** « Commander sur compte » for one organisation: no card, a purchase-order number, paid on invoice. */
export function OnAccountForm({
  organisationId,
  organisationName,
  homeDeliveryLabel,
  pickupLabel,
  engagementNumberRequired,
  termsReminder,
  initialValues = {},
}: Props) {
  const [state, action, pending] = useActionState<OnAccountState, FormData>(orderOnAccountAction, null);
  const values = state?.values ?? initialValues;
  const errors = state?.fieldErrors ?? {};
  // Several organisations' forms and the personal one share a page: ids are prefixed.
  const id = (name: string) => `compte-${organisationId}-${name}`;
  const field = (name: string, label: string, props: React.ComponentProps<'input'> = {}) => (
    <Field name={name} id={id(name)} label={label} defaultValue={values[name] ?? ''} error={errors[name]} {...props} />
  );
  return (
    <form action={action} className="checkout-form" noValidate>
      {state && !state.ok && <FormError message={state.message} />}
      <input type="hidden" name="organisationId" value={organisationId} />
      <fieldset>
        <legend>Commande pour {organisationName}</legend>
        {field('fullName', 'Nom et prénom de l’acheteur', { autoComplete: 'name', required: true })}
        {field('phone', 'Téléphone (pour le transporteur, facultatif)', { type: 'tel', autoComplete: 'tel' })}
        {field('purchaseOrderNumber', 'Numéro de bon de commande (facultatif)')}
        {field(
          'engagementNumber',
          engagementNumberRequired ? 'Numéro d’engagement (Chorus Pro)' : 'Numéro d’engagement (facultatif)',
          { required: engagementNumberRequired },
        )}
      </fieldset>
      <DeliveryMethodChoice
        legend={`Livraison de la commande pour ${organisationName}`}
        selected={values.deliveryMethod}
        homeDeliveryLabel={homeDeliveryLabel}
        pickupLabel={pickupLabel}
        error={errors.deliveryMethod}
      />
      <p className="pay-reminder">{termsReminder}</p>
      <button type="submit" className="button-main" disabled={pending}>
        Commander sur compte pour {organisationName}
      </button>
    </form>
  );
}
