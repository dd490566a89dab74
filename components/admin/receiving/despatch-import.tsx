'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ReceptionFromDespatch } from '@/lib/data/stock-desk/despatch-import';
import { importDespatchAdviceAction, type DespatchImportState } from './actions';

// The distributor's despatch advice (EANCOM DESADV, or its CSV delivery note) read on the
// receiving screen: the server reads it and writes nothing; the screen adopts its lines.

type Props = {
  /** The purchase order the screen was opened for: the file's lines are checked against it when it names none. */
  purchaseOrderId: number | null;
  onRead: (reception: ReceptionFromDespatch) => void;
};

export function DespatchImport({ purchaseOrderId, onRead }: Props) {
  const [state, action, pending] = useActionState(async (previous: DespatchImportState, formData: FormData) => {
    const result = await importDespatchAdviceAction(previous, formData);
    if (result?.ok) onRead(result.reception);
    return result;
  }, null);
  return (
    <form action={action} className="admin-form" aria-label="Avis d’expédition">
      {purchaseOrderId !== null && <input type="hidden" name="purchaseOrderId" value={purchaseOrderId} />}
      <Field
        name="avis"
        type="file"
        label="Avis d’expédition (EDI DESADV ou CSV du distributeur)"
        hint="Le fichier reçu du distributeur : les livres et quantités annoncés remplissent la réception, sans rien enregistrer. Vérifiez le colis, puis validez."
        accept=".edi,.txt,.csv,text/plain,text/csv,application/EDIFACT"
        required
      />
      {state && !state.ok && <FormError message={state.message} />}
      {state?.ok && (
        <p className="form-success" role="status">
          {state.message}
        </p>
      )}
      <button type="submit" disabled={pending}>
        Lire l’avis d’expédition
      </button>
    </form>
  );
}
