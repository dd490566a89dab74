import type { Metadata } from 'next';
import Link from 'next/link';
import { ReturnForm } from '@/components/admin/supplier-returns/return-form';
import { requireStaff } from '@/lib/auth/require-staff';
import { listReturnableCopies, listSupplierReturns } from '@/lib/data/stock-desk/supplier-returns';
import { formatDateTime } from '@/lib/core/date-time';
import { formatPrice } from '@/lib/core/money';

export const metadata: Metadata = { title: 'Retours aux distributeurs' };

export default async function ReturnsPage() {
  await requireStaff('libraire', { loginRedirect: '/admin/retours' });
  const [returnable, returns] = await Promise.all([listReturnableCopies(), listSupplierReturns()]);
  return (
    <>
      <h1>Retours aux distributeurs</h1>
      <p>
        Les exemplaires reçus en office peuvent retourner au distributeur pendant sa fenêtre de retour, contre un avoir
        au prix d’achat. Un exemplaire réservé par un lecteur ou déjà vendu ne peut pas partir.
      </p>
      {returnable.length === 0 ? (
        <p className="notice">Aucun exemplaire retournable aujourd’hui.</p>
      ) : (
        returnable.map((group) => <ReturnForm key={group.supplier.id} group={group} />)
      )}
      <h2>Retours enregistrés</h2>
      {returns.length === 0 ? (
        <p className="notice">Aucun retour.</p>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">Retours enregistrés</caption>
          <thead>
            <tr>
              <th scope="col">Retour</th>
              <th scope="col">Distributeur</th>
              <th scope="col">Le</th>
              <th scope="col">Accord</th>
              <th scope="col">Exemplaires</th>
              <th scope="col">Avoir attendu HT</th>
            </tr>
          </thead>
          <tbody>
            {returns.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <Link href={`/admin/retours/${row.id}`}>n° {row.id}</Link>
                </th>
                <td>{row.supplier.name}</td>
                <td>{formatDateTime(row.createdAt)}</td>
                <td>{row.authorizationNumber ?? '—'}</td>
                <td>{row.copies}</td>
                <td>{formatPrice(row.expectedCreditCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
