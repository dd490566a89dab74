import { ActionForm } from '../action-form';
import { createCounterOrderAction } from './actions';
import { Field } from '@/components/ui/field';

/** What a reader's request from /commander-un-livre fills in. */
export type CounterOrderStart = {
  request: string;
  quantity: number;
  fullName: string;
  email: string;
  phone: string | null;
};

/** A customer's request at the counter, or a reader's from the site, for a book the shop does not have. */
export function CounterOrderForm({ ean, from }: { ean: string; from?: CounterOrderStart }) {
  return (
    <ActionForm
      action={createCounterOrderAction}
      submitLabel="Enregistrer la commande client"
      className="admin-form"
      label="Commande client"
    >
      {from && <input type="hidden" name="request" value={from.request} />}
      <Field
        label="EAN du livre"
        name="ean"
        required
        maxLength={64}
        inputMode="numeric"
        autoComplete="off"
        defaultValue={ean}
      />
      <Field
        label="Exemplaires"
        layout="field-inline"
        name="quantity"
        type="number"
        inputMode="numeric"
        min={1}
        max={30}
        defaultValue={from?.quantity ?? 1}
        required
      />
      <Field
        label="Nom du client"
        layout="field-wide"
        name="fullName"
        required
        maxLength={100}
        autoComplete="off"
        defaultValue={from?.fullName}
      />
      <Field
        label="Adresse e-mail"
        layout="field-wide"
        name="email"
        type="email"
        maxLength={254}
        autoComplete="off"
        aria-describedby="contact-aide"
        defaultValue={from?.email}
      />
      <Field
        label="Téléphone"
        name="phone"
        type="tel"
        maxLength={30}
        autoComplete="off"
        aria-describedby="contact-aide"
        defaultValue={from?.phone ?? undefined}
      />
      <p id="contact-aide" className="field-hint">
        Un e-mail ou un téléphone, pour prévenir le client quand le livre arrive.
      </p>
      <fieldset>
        <legend>Règlement</legend>
        <div className="field field-check">
          <input id="payment-at_pickup" type="radio" name="payment" value="at_pickup" defaultChecked />
          <label htmlFor="payment-at_pickup">À régler au retrait</label>
        </div>
        <div className="field field-check">
          <input id="payment-paid" type="radio" name="payment" value="paid" />
          <label htmlFor="payment-paid">Déjà réglé en librairie</label>
        </div>
      </fieldset>
      <Field label="Note (facultative)" layout="field-wide" name="note" maxLength={500} />
    </ActionForm>
  );
}
