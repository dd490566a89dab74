import { MANUAL_ADJUSTMENTS, MANUAL_ADJUSTMENT_REASONS } from '@/lib/stock/movement-reasons';
import { ActionForm } from '../action-form';
import { adjustStockAction, setThresholdAction } from './actions';
import { Field } from '@/components/ui/field';

/** Réassort threshold, and adjustments by hand: casse, vol, retour client. */
export function StockForms({ ean, threshold }: { ean: string; threshold: number }) {
  return (
    <div className="admin-columns">
      <section aria-labelledby="seuil">
        <h2 id="seuil">Réassort</h2>
        <ActionForm
          action={setThresholdAction}
          submitLabel="Enregistrer le seuil"
          className="admin-form"
          label="Seuil de réassort"
        >
          <input type="hidden" name="ean" value={ean} />
          <Field
            label="Seuil (0 : pas de réassort automatique)"
            layout="field-inline"
            name="threshold"
            type="number"
            inputMode="numeric"
            min={0}
            max={999}
            defaultValue={threshold}
            required
          />
          <p className="field-hint">
            Sous ce nombre d’exemplaires disponibles, le livre est proposé sur la prochaine commande à son distributeur.
          </p>
        </ActionForm>
      </section>
      <section aria-labelledby="ajuster">
        <h2 id="ajuster">Ajuster le stock</h2>
        <ActionForm
          action={adjustStockAction}
          submitLabel="Enregistrer l’ajustement"
          className="admin-form"
          label="Ajustement"
        >
          <input type="hidden" name="ean" value={ean} />
          <Field control="select" label="Motif" name="reason" defaultValue="DAMAGED">
            {MANUAL_ADJUSTMENT_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {MANUAL_ADJUSTMENTS[reason].label}
              </option>
            ))}
          </Field>
          <Field
            label="Exemplaires"
            layout="field-inline"
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={9999}
            defaultValue={1}
            required
          />
          <Field label="Note (facultative)" name="note" maxLength={500} />
          <p className="field-hint">Un écart constaté en rayon se corrige par un inventaire.</p>
        </ActionForm>
      </section>
    </div>
  );
}
