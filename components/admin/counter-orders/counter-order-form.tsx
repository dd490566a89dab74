import { ActionForm } from '../action-form';
import { createCounterOrderAction } from './actions';

/** A customer's request at the counter for a book the shop does not have. */
export function CounterOrderForm({ ean }: { ean: string }) {
  return (
    <ActionForm
      action={createCounterOrderAction}
      submitLabel="Enregistrer la commande client"
      className="admin-form"
      label="Commande client"
    >
      <div className="field">
        <label htmlFor="ean">EAN du livre</label>
        <input id="ean" name="ean" required maxLength={64} inputMode="numeric" autoComplete="off" defaultValue={ean} />
      </div>
      <div className="field field-inline">
        <label htmlFor="quantity">Exemplaires</label>
        <input
          id="quantity"
          name="quantity"
          type="number"
          inputMode="numeric"
          min={1}
          max={30}
          defaultValue={1}
          required
        />
      </div>
      <div className="field field-wide">
        <label htmlFor="fullName">Nom du client</label>
        <input id="fullName" name="fullName" required maxLength={100} autoComplete="off" />
      </div>
      <div className="field field-wide">
        <label htmlFor="email">Adresse e-mail</label>
        <input
          id="email"
          name="email"
          type="email"
          maxLength={254}
          autoComplete="off"
          aria-describedby="contact-aide"
        />
      </div>
      <div className="field">
        <label htmlFor="phone">Téléphone</label>
        <input id="phone" name="phone" type="tel" maxLength={30} autoComplete="off" aria-describedby="contact-aide" />
      </div>
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
      <div className="field field-wide">
        <label htmlFor="note">Note (facultative)</label>
        <input id="note" name="note" maxLength={500} />
      </div>
    </ActionForm>
  );
}
