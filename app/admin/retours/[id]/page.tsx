import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireStaff } from '@/lib/auth/require-staff';
import { getSupplierReturn } from '@/lib/data/stock-desk/supplier-returns';
import { formatDateShort } from '@/lib/core/date';
import { formatDateTime } from '@/lib/core/date-time';
import { formatPrice } from '@/lib/core/money';

export const metadata: Metadata = { title: 'Retour au distributeur' };

export default async function SupplierReturnPage({ params }: PageProps<'/admin/retours/[id]'>) {
  const { id } = await params;
  await requireStaff('libraire', { loginRedirect: `/admin/retours/${encodeURIComponent(id)}` });
  const found = /^\d{1,9}$/.test(id) ? await getSupplierReturn(Number(id)) : null;
  if (!found) notFound();
  return (
    <>
      <p>
        <Link href="/admin/retours">← Retours</Link>
      </p>
      <h1>
        Retour n° {found.id} — {found.supplier.name}
      </h1>
      <dl className="facts">
        <dt>Enregistré</dt>
        <dd>
          le {formatDateTime(found.createdAt)} par {found.createdBy.name}
        </dd>
        <dt>Accord de retour</dt>
        <dd>{found.authorizationNumber ?? '—'}</dd>
        <dt>Avoir attendu (HT)</dt>
        <dd>{formatPrice(found.expectedCreditCents)}</dd>
      </dl>
      <table className="admin-table">
        <caption>Exemplaires retournés</caption>
        <thead>
          <tr>
            <th scope="col">Livre</th>
            <th scope="col">Reçu le (BL)</th>
            <th scope="col">Exemplaires</th>
            <th scope="col">Avoir HT</th>
          </tr>
        </thead>
        <tbody>
          {found.lines.map((line, index) => (
            <tr key={index}>
              <th scope="row">
                {line.book.title}
                <br />
                <span className="muted">EAN {line.book.ean}</span>
              </th>
              <td>
                {formatDateShort(line.deliveryLine.delivery.receivedAt)} (
                <Link href={`/admin/receptions/${line.deliveryLine.delivery.id}`}>
                  BL {line.deliveryLine.delivery.noteNumber}
                </Link>
                )
              </td>
              <td>{line.quantity}</td>
              <td>{formatPrice(line.creditCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
