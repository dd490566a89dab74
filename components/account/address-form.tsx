'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { SavedAddressFields } from '@/lib/reader-accounts/saved-address';
import { updateAddressAction, type AccountFormState } from './actions';

export function AddressForm({ id, address }: { id: number; address: SavedAddressFields }) {
  const [state, action, pending] = useActionState<AccountFormState, FormData>(updateAddressAction, null);
  const failed = state && !state.ok ? state : null;
  const values: Record<string, string> = failed?.values ?? {
    fullName: address.fullName,
    phone: address.phone ?? '',
    addressLine1: address.addressLine1,
    addressLine2: address.addressLine2 ?? '',
    postalCode: address.postalCode,
    city: address.city,
  };
  const errors = failed?.fieldErrors ?? {};
  const field = (name: keyof SavedAddressFields, label: string, props: React.ComponentProps<'input'> = {}) => (
    <Field name={name} label={label} defaultValue={values[name] ?? ''} error={errors[name]} {...props} />
  );
  return (
    <form action={action} className="checkout-form" noValidate aria-label="Modifier l’adresse">
      {failed && <FormError message={failed.message} />}
      <input type="hidden" name="id" value={id} />
      {field('fullName', 'Nom et prénom du destinataire', { autoComplete: 'name', required: true })}
      {field('phone', 'Téléphone', { type: 'tel', autoComplete: 'tel' })}
      {field('addressLine1', 'Adresse', { autoComplete: 'address-line1', required: true })}
      {field('addressLine2', 'Complément d’adresse (facultatif)', { autoComplete: 'address-line2' })}
      {field('postalCode', 'Code postal', {
        autoComplete: 'postal-code',
        inputMode: 'numeric',
        maxLength: 5,
        required: true,
      })}
      {field('city', 'Ville', { autoComplete: 'address-level2', required: true })}
      <button type="submit" className="button-main" disabled={pending}>
        Enregistrer l’adresse
      </button>
    </form>
  );
}
