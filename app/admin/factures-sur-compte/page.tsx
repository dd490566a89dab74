import type { Metadata } from 'next';
import { InvoicesOnAccountTable } from '@/components/admin/transfers/invoices-on-account-table';
import { TransferForm } from '@/components/admin/transfers/transfer-form';
import { Field } from '@/components/ui/field';
import { requireStaff } from '@/lib/auth/require-staff';
import { formatPrice } from '@/lib/core/money';
import { INVOICES_ON_ACCOUNT_LIMIT, listInvoicesOnAccount } from '@/lib/data/invoicing/invoices-on-account';
import { parisDayOf } from '@/lib/invoicing/payment-terms';
import { firstValues } from '@/lib/validation/search-params';
import { INVOICE_FILTER_LABELS, INVOICE_FILTERS, InvoicesOnAccountQuerySchema } from '@/lib/validation/transfers';

export const metadata: Metadata = { title: 'Factures sur compte' };

export default async function InvoicesOnAccountPage({ searchParams }: PageProps<'/admin/factures-sur-compte'>) {
  await requireStaff('libraire', { loginRedirect: '/admin/factures-sur-compte' });
  const { etat } = InvoicesOnAccountQuerySchema.parse(firstValues(await searchParams));
  const now = new Date();
  const [rows, due] = await Promise.all([
    listInvoicesOnAccount(INVOICE_FILTERS[etat], now),
    etat === 'a-regler' ? null : listInvoicesOnAccount('due', now),
  ]);
  const choices = (due ?? rows).map((row) => ({
    number: row.number,
    label: `${row.number} — ${row.organisationName} — reste dû ${formatPrice(row.balance.dueCents)}`,
  }));
  return (
    <>
      <h1>Factures sur compte</h1>
      <p>
        Les factures des commandes sur compte, payables par virement : ce qui reste dû après avoirs et virements reçus,
        l’échéance et le retard. Une relance par facture et par jour au plus, envoyée à l’adresse de facturation du
        client.
      </p>
      <form
        className="admin-filters"
        method="get"
        action="/admin/factures-sur-compte"
        aria-label="Filtrer les factures"
      >
        <Field control="select" label="État" name="etat" defaultValue={etat}>
          {Object.entries(INVOICE_FILTER_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Field>
        <button type="submit">Afficher</button>
      </form>
      <p className="result-count" role="status">
        {rows.length} facture{rows.length > 1 ? 's' : ''}
        {rows.length === INVOICES_ON_ACCOUNT_LIMIT && ` (les ${INVOICES_ON_ACCOUNT_LIMIT} plus anciennes échéances)`}
      </p>
      {rows.length > 0 && <InvoicesOnAccountTable rows={rows} today={parisDayOf(now)} />}
      {choices.length > 0 && (
        <section aria-labelledby="nouveau-virement">
          <h2 id="nouveau-virement">Enregistrer un virement reçu</h2>
          <TransferForm choices={choices} idPrefix="list-transfer" />
        </section>
      )}
    </>
  );
}
