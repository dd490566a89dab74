import Link from 'next/link';
import { formatDateShort } from '@/lib/core/date';
import { formatPrice } from '@/lib/core/money';
import type { InvoiceOnAccountRow } from '@/lib/data/invoicing/invoices-on-account';
import { formatDueOn } from '@/lib/invoicing/payment-terms';
import { ActionForm } from '../action-form';
import { sendReminderAction } from './actions';

/** The invoices on account: what each owes, its due date, how late, its last reminder, « Envoyer une relance ». */
export function InvoicesOnAccountTable({ rows, today }: { rows: InvoiceOnAccountRow[]; today: string }) {
  return (
    <table className="admin-table">
      <caption>Factures payables par virement</caption>
      <thead>
        <tr>
          <th scope="col">Facture</th>
          <th scope="col">Client</th>
          <th scope="col">Commande</th>
          <th scope="col">Facturé</th>
          <th scope="col">Avoirs et virements</th>
          <th scope="col">Reste dû</th>
          <th scope="col">Échéance</th>
          <th scope="col">Retard</th>
          <th scope="col">Relance</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.number}>
            <th scope="row">
              {row.number}
              <br />
              <span className="muted">du {formatDateShort(row.issuedAt)}</span>
            </th>
            <td>{row.organisationName}</td>
            <td>
              <Link href={`/admin/commandes/${row.orderReference}#virements`}>{row.orderReference}</Link>
              {row.purchaseOrderNumber && (
                <>
                  <br />
                  <span className="muted">BC {row.purchaseOrderNumber}</span>
                </>
              )}
            </td>
            <td>{formatPrice(row.balance.totalCents)}</td>
            <td>{formatPrice(row.balance.creditedCents + row.balance.paidCents)}</td>
            <td>
              <strong>{formatPrice(Math.max(row.balance.dueCents, 0))}</strong>
            </td>
            <td>{formatDueOn(row.dueOn)}</td>
            <td>{row.daysLate > 0 ? `${row.daysLate} j` : '—'}</td>
            <td>
              {row.lastReminderOn && <span className="muted">Relancée le {formatDueOn(row.lastReminderOn)}</span>}
              {row.daysLate > 0 && row.lastReminderOn !== today && (
                <ActionForm
                  action={sendReminderAction}
                  submitLabel="Envoyer une relance"
                  label={`Relance de la facture ${row.number}`}
                  className="inline-form"
                  buttonClassName="button-secondary"
                >
                  <input type="hidden" name="invoiceNumber" value={row.number} />
                </ActionForm>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
