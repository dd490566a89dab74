import { Field } from '@/components/ui/field';
import { parisDayOf } from '@/lib/invoicing/payment-terms';
import { ActionForm } from '../action-form';
import { recordTransferAction } from './actions';

type Props =
  /** The order page: its invoice. */
  | { invoiceNumber: string; choices?: never; idPrefix: string }
  /** The list: any invoice still due. */
  | { invoiceNumber?: never; choices: { number: string; label: string }[]; idPrefix: string };

/** « Enregistrer un virement reçu »: the amount typed the French way, the day the bank credited it, its reference. */
export function TransferForm({ invoiceNumber, choices, idPrefix }: Props) {
  return (
    <ActionForm
      action={recordTransferAction}
      submitLabel="Enregistrer le virement"
      className="admin-form"
      label="Enregistrer un virement reçu"
    >
      {invoiceNumber ? (
        <input type="hidden" name="invoiceNumber" value={invoiceNumber} />
      ) : (
        <Field control="select" id={`${idPrefix}-invoice`} label="Facture" name="invoiceNumber" required>
          {(choices ?? []).map((choice) => (
            <option key={choice.number} value={choice.number}>
              {choice.label}
            </option>
          ))}
        </Field>
      )}
      <Field
        id={`${idPrefix}-amount`}
        label="Montant reçu en euros"
        hint="Par exemple 1 234,56"
        name="amount"
        inputMode="decimal"
        required
        maxLength={16}
        autoComplete="off"
      />
      <Field
        id={`${idPrefix}-received-on`}
        label="Date de réception"
        name="receivedOn"
        type="date"
        required
        max={parisDayOf(new Date())}
        defaultValue={parisDayOf(new Date())}
      />
      <Field
        id={`${idPrefix}-bank-reference`}
        label="Référence bancaire"
        hint="Le libellé ou la référence du virement sur le relevé"
        name="bankReference"
        required
        maxLength={140}
        autoComplete="off"
      />
    </ActionForm>
  );
}
