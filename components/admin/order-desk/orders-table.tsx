import Link from 'next/link';
import type { AdminOrderRow } from '@/lib/data/order-desk/order-reads';
import { formatDateTime } from '@/lib/core/date-time';
import { formatPrice } from '@/lib/core/money';
import { ON_ACCOUNT_LABELS } from '@/lib/orders/on-account';
import { STAGE_LABELS } from '@/lib/orders/workflow';

export function OrdersTable({ rows }: { rows: AdminOrderRow[] }) {
  if (rows.length === 0) return <p className="notice">Aucune commande ne correspond.</p>;
  return (
    <table className="admin-table">
      <caption className="visually-hidden">Commandes</caption>
      <thead>
        <tr>
          <th scope="col">Commande</th>
          <th scope="col">Passée le</th>
          <th scope="col">Client</th>
          <th scope="col">Livraison</th>
          <th scope="col">Étape</th>
          <th scope="col">Exemplaires</th>
          <th scope="col">Total</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.reference}>
            <th scope="row">
              <Link href={`/admin/commandes/${row.reference}`}>{row.reference}</Link>
              {row.attention && <span className="badge badge-attention"> à traiter</span>}
              {row.withdrawalToRefund && <span className="badge badge-attention"> rétractation à traiter</span>}
              {row.origin === 'counter' && <span className="badge"> comptoir</span>}
              {row.onAccount && <span className="badge"> {ON_ACCOUNT_LABELS[row.onAccount]}</span>}
            </th>
            <td>{formatDateTime(row.createdAt)}</td>
            <td>
              {row.fullName}
              <br />
              <span className="muted">{row.email || 'commande client au comptoir'}</span>
            </td>
            <td>{row.deliveryMethod === 'shop_pickup' ? 'Retrait' : 'Domicile'}</td>
            <td>
              <span className={`badge badge-${row.stage}`}>{STAGE_LABELS[row.stage]}</span>
            </td>
            <td>{row.copies}</td>
            <td>
              {formatPrice(row.totalCents)}
              {row.refundedCents > 0 && (
                <>
                  <br />
                  <span className="muted">dont {formatPrice(row.refundedCents)} remboursés</span>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
