import Link from 'next/link';
import { formatRate } from '@/lib/core/rate';
import type { OrganisationRow } from '@/lib/data/customers/customer-organisations';
import { ORGANISATION_KIND_LABELS } from '@/lib/organisations/kinds';
import { Field } from '@/components/ui/field';

export function OrganisationSearch({ q }: { q: string }) {
  return (
    <form className="admin-filters" method="get" action="/admin/clients" role="search" aria-label="Chercher un client">
      <Field label="Nom, ville ou SIRET" name="q" type="search" defaultValue={q} maxLength={100} />
      <button type="submit">Chercher</button>
    </form>
  );
}

export function OrganisationTable({ rows }: { rows: OrganisationRow[] }) {
  return (
    <table className="admin-table">
      <caption>Clients professionnels et institutionnels</caption>
      <thead>
        <tr>
          <th scope="col">Nom</th>
          <th scope="col">Type</th>
          <th scope="col">Ville</th>
          <th scope="col">SIRET</th>
          <th scope="col">Remise</th>
          <th scope="col">Paiement</th>
          <th scope="col">Acheteurs</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row">
              <Link href={`/admin/clients/${row.id}`}>{row.name}</Link>
            </th>
            <td>{ORGANISATION_KIND_LABELS[row.kind]}</td>
            <td>{row.billingCity}</td>
            <td>{row.siret}</td>
            <td>{formatRate(row.discountBasisPoints)}</td>
            <td>{row.paymentTermDays} jours</td>
            <td>{row.buyerCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
