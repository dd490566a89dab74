import Link from 'next/link';
import type { BookStockView } from '@/lib/data/stock-desk/stock-levels';
import { formatDateTime } from '@/lib/core/date-time';
import { stockMovementLabel } from '@/lib/stock/movement-reasons';

type Movement = BookStockView['movements'][number];

/** Where a movement came from, as a link to that document when the back office has a page for it. */
function DocumentOf({ movement }: { movement: Movement }) {
  if (movement.delivery)
    return <Link href={`/admin/receptions/${movement.delivery.id}`}>Réception, BL {movement.delivery.noteNumber}</Link>;
  if (movement.supplierReturn)
    return <Link href={`/admin/retours/${movement.supplierReturn.id}`}>Retour n° {movement.supplierReturn.id}</Link>;
  if (movement.inventory)
    return <Link href={`/admin/inventaire/${movement.inventory.id}`}>{movement.inventory.label}</Link>;
  if (movement.order)
    return <Link href={`/admin/commandes/${movement.order.reference}`}>Commande {movement.order.reference}</Link>;
  return <>{movement.reference ?? '—'}</>;
}

/** The book's stock ledger, newest first: every movement with its reason, who, when and its document. */
export function LedgerTable({ movements }: { movements: Movement[] }) {
  if (movements.length === 0) return <p className="notice">Aucun mouvement de stock pour ce livre.</p>;
  return (
    <table className="admin-table ledger">
      <caption>Mouvements de stock</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Motif</th>
          <th scope="col">Quantité</th>
          <th scope="col">Document</th>
          <th scope="col">Par</th>
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        {movements.map((movement) => (
          <tr key={movement.id}>
            <td>{formatDateTime(movement.createdAt)}</td>
            <th scope="row">{stockMovementLabel(movement.reason)}</th>
            <td className={movement.quantity > 0 ? 'quantity-in' : 'quantity-out'}>
              {movement.quantity > 0 ? `+${movement.quantity}` : `−${-movement.quantity}`}
            </td>
            <td>
              <DocumentOf movement={movement} />
            </td>
            <td>{movement.staff?.name ?? 'Boutique en ligne'}</td>
            <td>{movement.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
