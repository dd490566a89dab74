import { ActionForm } from '../action-form';
import { erasePersonalDataAction } from './actions';

/** The erasure of one person's data, confirmed by a box ticked on purpose. */
export function ErasureForm({ email }: { email: string }) {
  return (
    <ActionForm
      action={erasePersonalDataAction}
      submitLabel="Effacer les données de cette personne"
      label="Effacer les données personnelles"
      buttonClassName="button-danger"
    >
      <input type="hidden" name="email" value={email} />
      <div className="field field-check">
        <input id="confirm-erasure" type="checkbox" name="confirm" value="oui" required />
        <label htmlFor="confirm-erasure">
          Je confirme l’effacement des données de {email} : commandes non payées et demandes anonymisées, e-mail et
          téléphone retirés des commandes payées.
        </label>
      </div>
    </ActionForm>
  );
}
