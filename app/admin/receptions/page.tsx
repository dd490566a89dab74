import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/ui/pagination';
import { requireStaff } from '@/lib/auth/require-staff';
import { DELIVERIES_PAGE_SIZE, listDeliveries } from '@/lib/data/stock-desk/receiving';
import { formatDateTime } from '@/lib/core/date-time';
import { firstValues } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Réceptions' };

export default async function DeliveriesPage({ searchParams }: PageProps<'/admin/receptions'>) {
  await requireStaff('libraire', { loginRedirect: '/admin/receptions' });
  const raw = Number(firstValues(await searchParams).page ?? '1');
  const page = Number.isInteger(raw) && raw >= 1 && raw <= 1000 ? raw : 1;
  const { total, rows } = await listDeliveries(page);
  return (
    <>
      <h1>Réceptions</h1>
      <p>
        <Link href="/admin/receptions/nouvelle" className="button">
          Nouvelle réception
        </Link>
      </p>
      {rows.length === 0 ? (
        <p className="notice">Aucune livraison réceptionnée.</p>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">Livraisons réceptionnées</caption>
          <thead>
            <tr>
              <th scope="col">Bon de livraison</th>
              <th scope="col">Distributeur</th>
              <th scope="col">Reçue le</th>
              <th scope="col">Par</th>
              <th scope="col">Exemplaires</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <Link href={`/admin/receptions/${row.id}`}>BL {row.noteNumber}</Link>
                </th>
                <td>{row.supplierName}</td>
                <td>{formatDateTime(row.receivedAt)}</td>
                <td>{row.receivedBy}</td>
                <td>{row.copies}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        page={page}
        pageCount={Math.max(Math.ceil(total / DELIVERIES_PAGE_SIZE), 1)}
        hrefFor={(p) => `/admin/receptions${p > 1 ? `?page=${p}` : ''}`}
      />
    </>
  );
}
