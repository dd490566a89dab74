import { formatDateShort } from '@/lib/core/date';
import { formatPrice } from '@/lib/core/money';
import type { LendingRightDeclaration } from '@/lib/data/invoicing/lending-right';
import { Field } from '@/components/ui/field';

export function DeclarationYearForm({ year }: { year: number }) {
  return (
    <form className="admin-filters" method="get" action="/admin/clients/droit-de-pret">
      <Field label="Année des factures" name="annee" type="number" min={2000} max={2100} defaultValue={year} />
      <button type="submit">Afficher</button>
    </form>
  );
}

/** The sales to lending libraries of one year, invoice by invoice, as SOFIA asks them. */
export function LendingRightTable({ declaration }: { declaration: LendingRightDeclaration }) {
  const { rows, totals, year } = declaration;
  return (
    <table className="admin-table">
      <caption>Ventes aux bibliothèques de prêt en {year}</caption>
      <thead>
        <tr>
          <th scope="col">Facture</th>
          <th scope="col">Date</th>
          <th scope="col">Bibliothèque</th>
          <th scope="col">Exemplaires</th>
          <th scope="col">Facturé TTC</th>
          <th scope="col">Prix public HT des livres</th>
          <th scope="col">Droit de prêt (6 %)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.number}>
            <th scope="row">
              {row.number}
              {row.kind === 'credit_note' && ' (avoir)'}
            </th>
            <td>{formatDateShort(row.issuedAt)}</td>
            <td>
              {row.library.name} — {row.library.postalCode} {row.library.city}
            </td>
            <td>{row.copies}</td>
            <td>{formatPrice(row.invoicedInclVatCents)}</td>
            <td>{formatPrice(row.publicPriceExclVatCents)}</td>
            <td>{formatPrice(row.dueCents)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td colSpan={2}>
            {totals.documents} facture{totals.documents > 1 ? 's' : ''} et avoirs
          </td>
          <td>{totals.copies}</td>
          <td>{formatPrice(totals.invoicedInclVatCents)}</td>
          <td>{formatPrice(totals.publicPriceExclVatCents)}</td>
          <td>{formatPrice(totals.dueCents)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
