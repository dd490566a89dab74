import type { StockRow } from '@/lib/data/stock-desk/stock-levels';
import { formatDateTime } from '@/lib/core/date-time';
import { BookRowHeader } from '@/components/admin/book-row-header';
import { formatWaitingReaders } from '@/lib/alerts/availability-alert';

/** On hand, held by readers paying, available (the one definition), threshold, last movement, readers waiting. */
export function StockTable({ rows }: { rows: StockRow[] }) {
  if (rows.length === 0) return <p className="notice">Aucun livre ne correspond.</p>;
  return (
    <table className="admin-table">
      <caption className="visually-hidden">Stock par livre</caption>
      <thead>
        <tr>
          <th scope="col">Livre</th>
          <th scope="col">Distributeur</th>
          <th scope="col">Thème</th>
          <th scope="col">En stock</th>
          <th scope="col">Réservés</th>
          <th scope="col">Disponibles</th>
          <th scope="col">Seuil</th>
          <th scope="col">Dernier mouvement</th>
          <th scope="col">Lecteurs en attente</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.bookId}>
            <BookRowHeader ean={row.ean} title={row.title} />
            <td>{row.supplierName ?? '—'}</td>
            <td>{row.themeName}</td>
            <td>{row.onHand}</td>
            <td>{row.held}</td>
            <td>
              {row.available}
              {row.reorderThreshold > 0 && row.available < row.reorderThreshold && (
                <span className="badge badge-attention"> sous le seuil</span>
              )}
            </td>
            <td>{row.reorderThreshold > 0 ? row.reorderThreshold : '—'}</td>
            <td>{row.lastMovementAt ? formatDateTime(row.lastMovementAt) : '—'}</td>
            <td>
              {row.waitingReaders > 0 ? (
                <span className="badge badge-attention">{formatWaitingReaders(row.waitingReaders)}</span>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
