import { formatDateShort } from '@/lib/core/date';
import { formatPrice } from '@/lib/core/money';
import type { ReaderOrder } from '@/lib/data/readers/reader-orders';
import { historyStatusLabel } from '@/lib/reader-accounts/saved-address';
import { trackOrderAction } from './actions';

/** Every order of the account's e-mail, newest first; "Suivre ma commande" mints a fresh tracking link. */
export function OrderHistory({ orders }: { orders: ReaderOrder[] }) {
  if (orders.length === 0) return <p>Aucune commande payée avec cette adresse e-mail pour l’instant.</p>;
  return (
    <table className="account-orders">
      <caption>Mes commandes, de la plus récente à la plus ancienne</caption>
      <thead>
        <tr>
          <th scope="col">Commande</th>
          <th scope="col">Date</th>
          <th scope="col">Total</th>
          <th scope="col">Statut</th>
          <th scope="col">Suivi</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((order) => (
          <tr key={order.reference}>
            <th scope="row">{order.reference}</th>
            <td>{formatDateShort(order.createdAt)}</td>
            <td>{formatPrice(order.totalCents)}</td>
            <td>{historyStatusLabel(order.status, order.onAccount)}</td>
            <td>
              <form action={trackOrderAction}>
                <input type="hidden" name="reference" value={order.reference} />
                <button type="submit" aria-label={`Suivre ma commande ${order.reference}`}>
                  Suivre ma commande
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
