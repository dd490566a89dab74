import Link from 'next/link';
import type { ReturnableBySupplier } from '@/lib/data/stock-desk/supplier-returns';
import { formatDateShort } from '@/lib/core/date';
import { formatPrice } from '@/lib/core/money';
import { ActionForm } from '../action-form';
import { recordReturnAction } from './actions';
import { Field } from '@/components/ui/field';
import { BookRowHeader } from '@/components/admin/book-row-header';

/** A distributor's returnable office copies: how many of each go back, and its authorisation number. */
export function ReturnForm({ group }: { group: ReturnableBySupplier }) {
  const { supplier } = group;
  const headingId = `retour-${supplier.id}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        {supplier.name}
        {supplier.gln && <span className="muted"> — GLN {supplier.gln}</span>}
      </h2>
      <ActionForm
        action={recordReturnAction}
        submitLabel={`Valider le retour à ${supplier.name}`}
        label={`Retour à ${supplier.name}`}
      >
        <input type="hidden" name="supplierId" value={supplier.id} />
        <Field
          id={`authorization-${supplier.id}`}
          label={
            <>
              Numéro d’accord de retour
              {supplier.returnNeedsAuthorization ? ' (exigé par ce distributeur)' : ' (facultatif)'}
            </>
          }
          name="authorizationNumber"
          maxLength={40}
          required={supplier.returnNeedsAuthorization}
          autoComplete="off"
        />
        <table className="admin-table">
          <caption className="visually-hidden">Exemplaires d’office retournables à {supplier.name}</caption>
          <thead>
            <tr>
              <th scope="col">Livre</th>
              <th scope="col">Reçu le (BL)</th>
              <th scope="col">Retournable jusqu’au</th>
              <th scope="col">Restants / libres en rayon</th>
              <th scope="col">Prix d’achat HT</th>
              <th scope="col">À retourner</th>
            </tr>
          </thead>
          <tbody>
            {group.lines.map((line) => (
              <tr key={line.deliveryLineId}>
                <BookRowHeader ean={line.ean} title={line.title} />
                <td>
                  {formatDateShort(line.receivedAt)} (
                  <Link href={`/admin/receptions/${line.deliveryId}`}>BL {line.noteNumber}</Link>)
                </td>
                <td>{formatDateShort(line.returnableUntil)}</td>
                <td>
                  {line.remaining} / {line.available}
                </td>
                <td>{formatPrice(line.unitCostExclVatCents)}</td>
                <td>
                  <input
                    name={`qty-${line.deliveryLineId}`}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={Math.min(line.remaining, line.available)}
                    defaultValue={0}
                    aria-label={`Exemplaires de « ${line.title} » à retourner`}
                    className="input-narrow"
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ActionForm>
    </section>
  );
}
