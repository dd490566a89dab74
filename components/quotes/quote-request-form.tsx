'use client';

import { useActionState } from 'react';
import { requestQuoteAction, type QuoteFormState } from './actions';
import { FormError } from '@/components/ui/form-error';
import { DeliveryMethodChoice } from '@/components/checkout/delivery-method-choice';

type Props = { organisationId: number; organisationName: string; homeDeliveryLabel: string; pickupLabel: string };

/** « Demander un devis » for one organisation, from the cart: priced as its order on account would be. */
export function QuoteRequestForm({ organisationId, organisationName, homeDeliveryLabel, pickupLabel }: Props) {
  const [state, action, pending] = useActionState<QuoteFormState, FormData>(requestQuoteAction, null);
  const values = state?.values ?? {};
  return (
    <form action={action} className="quote-request" noValidate>
      {state && !state.ok && <FormError message={state.message} />}
      <input type="hidden" name="organisationId" value={organisationId} />
      <DeliveryMethodChoice
        legend={`Devis pour ${organisationName}`}
        selected={values.deliveryMethod}
        homeDeliveryLabel={homeDeliveryLabel}
        pickupLabel={pickupLabel}
      />
      <button type="submit" disabled={pending}>
        Demander un devis pour {organisationName}
      </button>
    </form>
  );
}
