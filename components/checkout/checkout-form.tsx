'use client';

import { useActionState } from 'react';
import { startCheckoutAction, type CheckoutState } from './actions';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { DeliveryMethodChoice } from './delivery-method-choice';

type Props = {
  payButtonLabel: string;
  homeDeliveryLabel: string;
  pickupLabel: string;
  /** The price, again, right above the button (Code de la consommation, art. L221-14). */
  totalReminder: string;
  /** What ordering accepts, right above the button: the terms, by their version (C. civ. art. 1119). */
  termsNotice: React.ReactNode;
  /** A signed-in reader's e-mail and the saved address chosen ("Utiliser cette adresse"), filled in. */
  initialValues?: Record<string, string>;
};

export function CheckoutForm({
  payButtonLabel,
  homeDeliveryLabel,
  pickupLabel,
  totalReminder,
  termsNotice,
  initialValues = {},
}: Props) {
  const [state, action, pending] = useActionState<CheckoutState, FormData>(startCheckoutAction, null);
  const values = state?.values ?? initialValues;
  const errors = state?.fieldErrors ?? {};
  const field = (name: string, label: string, props: React.ComponentProps<'input'> = {}) => (
    <Field name={name} label={label} defaultValue={values[name] ?? ''} error={errors[name]} {...props} />
  );
  return (
    <form action={action} className="checkout-form" noValidate>
      {state && !state.ok && <FormError message={state.message} />}
      <fieldset>
        <legend>Vos coordonnées</legend>
        {field('email', 'Adresse e-mail', { type: 'email', autoComplete: 'email', required: true })}
        {field('fullName', 'Nom et prénom', { autoComplete: 'name', required: true })}
        {field('phone', 'Téléphone (pour la livraison à domicile)', { type: 'tel', autoComplete: 'tel' })}
      </fieldset>
      <DeliveryMethodChoice
        legend="Mode de livraison"
        selected={values.deliveryMethod}
        homeDeliveryLabel={homeDeliveryLabel}
        pickupLabel={pickupLabel}
        error={errors.deliveryMethod}
      />
      <fieldset>
        <legend>Adresse de livraison (livraison à domicile)</legend>
        {field('addressLine1', 'Adresse', { autoComplete: 'address-line1' })}
        {field('addressLine2', 'Complément d’adresse (facultatif)', { autoComplete: 'address-line2' })}
        {field('postalCode', 'Code postal', { autoComplete: 'postal-code', inputMode: 'numeric', maxLength: 5 })}
        {field('city', 'Ville', { autoComplete: 'address-level2' })}
      </fieldset>
      <p className="pay-reminder">{totalReminder}</p>
      <p>{termsNotice}</p>
      <button type="submit" className="button-main" disabled={pending}>
        {payButtonLabel}
      </button>
    </form>
  );
}
