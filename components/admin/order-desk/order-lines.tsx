import type { AdminOrder } from '@/lib/data/order-desk/order-reads';
import { isoDay } from '@/lib/availability';
import { toParisDay } from '@/lib/availability/paris-calendar';
import { formatDateLong } from '@/lib/core/date';
import { formatPrice } from '@/lib/core/money';
import { ActionForm } from '../action-form';
import { Field } from '@/components/ui/field';
import { announceDelayAction, receiveLineAction } from './actions';
import { OrderFields } from './order-hidden-fields';
import { formatCopies } from '@/lib/core/copies';

/** Lines with where their copies come from: the shelf, or the distributor (and when). */
export function OrderLines({ order }: { order: AdminOrder }) {
  const today = isoDay(toParisDay(new Date()).day);
  return (
    <table className="admin-table">
      <caption>Livres</caption>
      <thead>
        <tr>
          <th scope="col">Livre</th>
          <th scope="col">Quantité</th>
          <th scope="col">Prix</th>
          <th scope="col">Provenance</th>
          <th scope="col">Remboursés</th>
        </tr>
      </thead>
      <tbody>
        {order.lines.map((line) => (
          <tr key={line.id}>
            <th scope="row">
              {line.title}
              <br />
              <span className="muted">EAN {line.ean}</span>
            </th>
            <td>{line.quantity}</td>
            <td>
              {formatPrice(line.unitPriceCents)}
              {line.quantity > 1 && (
                <span className="muted">
                  {' '}
                  × {line.quantity} = {formatPrice(line.lineTotalCents)}
                </span>
              )}
            </td>
            <td>
              <ul className="plain-list">
                {line.fromStockQuantity > 0 && <li>{formatCopies(line.fromStockQuantity)} du rayon</li>}
                {line.backorderQuantity > 0 && (
                  <li>
                    {formatCopies(line.backorderQuantity)} commandé{line.backorderQuantity > 1 ? 's' : ''} chez{' '}
                    {line.supplierName ?? 'le distributeur'}
                    {line.receivedQuantity > 0 &&
                      `, ${line.receivedQuantity} reçu${line.receivedQuantity > 1 ? 's' : ''}`}
                    {line.cancelledBackorderQuantity > 0 &&
                      `, ${line.cancelledBackorderQuantity} annulé${line.cancelledBackorderQuantity > 1 ? 's' : ''}`}
                    {line.awaited > 0 && line.supplierExpectedOn && (
                      <>
                        {' '}
                        — {formatCopies(line.awaited)} attendu{line.awaited > 1 ? 's' : ''} le{' '}
                        {formatDateLong(line.supplierExpectedOn)} (date annoncée par le distributeur)
                      </>
                    )}
                    {line.awaited > 0 && !line.supplierExpectedOn && line.expectedFrom && line.expectedTo && (
                      <>
                        {' '}
                        — {formatCopies(line.awaited)} attendu{line.awaited > 1 ? 's' : ''} entre le{' '}
                        {formatDateLong(line.expectedFrom)} et le {formatDateLong(line.expectedTo)}
                      </>
                    )}
                  </li>
                )}
              </ul>
              {line.awaited > 0 && order.status === 'paid' && (
                <ActionForm
                  action={receiveLineAction}
                  submitLabel={`Marquer reçu : ${line.title}`}
                  className="inline-form"
                  buttonClassName="button-secondary"
                >
                  <OrderFields reference={order.reference} version={order.version} />
                  <input type="hidden" name="lineId" value={line.id} />
                </ActionForm>
              )}
              {line.awaited > 0 && order.status === 'paid' && (
                <ActionForm
                  action={announceDelayAction}
                  submitLabel="Enregistrer le nouveau délai"
                  className="inline-form"
                  buttonClassName="button-secondary"
                  label={`Nouveau délai du distributeur : ${line.title}`}
                >
                  <OrderFields reference={order.reference} version={order.version} />
                  <input type="hidden" name="lineId" value={line.id} />
                  <Field
                    name="expectedOn"
                    id={`expectedOn-${line.id}`}
                    type="date"
                    label="Nouvelle date annoncée par le distributeur"
                    min={today}
                    required
                  />
                </ActionForm>
              )}
            </td>
            <td>{line.refundedQuantity > 0 ? line.refundedQuantity : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
