import { Field } from '@/components/ui/field';
import { formatDateShort } from '@/lib/core/date';
import { formatPrice } from '@/lib/core/money';
import type { InvoiceOnAccountOfOrder } from '@/lib/data/invoicing/transfers';
import { ActionForm } from '../action-form';
import { reverseTransferAction } from './actions';
import { TransferForm } from './transfer-form';
import { InvoiceBalanceFacts } from './invoice-balance';

/** The order page's invoice on account: what it owes, the transfers received, and the forms to record or reverse one. */
export function InvoiceTransfers({ invoice }: { invoice: InvoiceOnAccountOfOrder }) {
  return (
    <section aria-labelledby="virements">
      <h2 id="virements">Virements reçus — facture {invoice.number}</h2>
      <InvoiceBalanceFacts balance={invoice.balance} dueOn={invoice.dueOn} />
      {invoice.transfers.length > 0 && (
        <table className="admin-table">
          <caption>Virements de la facture {invoice.number}</caption>
          <thead>
            <tr>
              <th scope="col">Reçu le</th>
              <th scope="col">Montant</th>
              <th scope="col">Référence</th>
              <th scope="col">Enregistré</th>
              <th scope="col">Annulation</th>
            </tr>
          </thead>
          <tbody>
            {invoice.transfers.map((transfer) => (
              <tr key={transfer.id}>
                <td>{formatDateShort(transfer.receivedOn)}</td>
                <td>{formatPrice(transfer.amountCents)}</td>
                <td>
                  {transfer.bankReference}
                  {transfer.reason && (
                    <>
                      <br />
                      <span className="muted">Annulation : {transfer.reason}</span>
                    </>
                  )}
                </td>
                <td>
                  {formatDateShort(transfer.createdAt)}
                  {transfer.staffName && <span className="muted"> par {transfer.staffName}</span>}
                </td>
                <td>
                  {transfer.isReversal ? (
                    'écriture inverse'
                  ) : transfer.reversed ? (
                    'annulé'
                  ) : (
                    <details>
                      <summary>Annuler ce virement…</summary>
                      <ActionForm
                        action={reverseTransferAction}
                        submitLabel="Annuler par une écriture inverse"
                        label={`Annulation du virement ${transfer.bankReference}`}
                        buttonClassName="button-danger"
                      >
                        <input type="hidden" name="paymentId" value={transfer.id} />
                        <Field
                          id={`reverse-reason-${transfer.id}`}
                          label="Raison de l’annulation"
                          name="reason"
                          required
                          maxLength={500}
                        />
                      </ActionForm>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {invoice.balance.dueCents > 0 && <TransferForm invoiceNumber={invoice.number} idPrefix="transfer" />}
    </section>
  );
}
