import type { AdminOrder } from '@/lib/data/order-desk/order-reads';
import { formatDateTime } from '@/lib/core/date-time';
import { formatPrice } from '@/lib/core/money';
import { REFUND_REASON_LABELS } from '@/lib/orders/refund-plan';
import { ActionForm } from '../action-form';
import { retryRefundAction } from './actions';
import { OrderFields } from './order-hidden-fields';

const HOLD_STATUS = { active: 'en cours', consumed: 'vendue', released: 'libérée' } as const;
const REFUND_STATUS = { requested: 'envoyé, non confirmé', succeeded: 'effectué', failed: 'refusé' } as const;

/** The payment, Stripe's events as received, the refunds, and the copies held during payment. */
export function OrderPayments({ order }: { order: AdminOrder }) {
  return (
    <section aria-labelledby="paiement">
      <h2 id="paiement">Paiement et remboursements</h2>
      <dl className="facts">
        <dt>Total payé</dt>
        <dd>
          {order.paidAt
            ? `${formatPrice(order.totalCents)} le ${formatDateTime(order.paidAt)}${order.origin === 'counter' ? ' (en librairie)' : ''}`
            : order.payAtPickup
              ? `À régler au retrait : ${formatPrice(order.totalCents)}`
              : 'Non payée'}
        </dd>
        <dt>Remboursé</dt>
        <dd>{formatPrice(order.refundedCents)}</dd>
        <dt>Paiement Stripe</dt>
        <dd>{order.stripePaymentIntentId ?? '—'}</dd>
        <dt>Session de paiement</dt>
        <dd>{order.stripeSessionId ?? '—'}</dd>
      </dl>

      {order.paymentEvents.length > 0 && (
        <table className="admin-table">
          <caption>Événements reçus de Stripe</caption>
          <thead>
            <tr>
              <th scope="col">Reçu le</th>
              <th scope="col">Événement</th>
              <th scope="col">Effet</th>
            </tr>
          </thead>
          <tbody>
            {order.paymentEvents.map((event) => (
              <tr key={event.id}>
                <td>{formatDateTime(event.receivedAt)}</td>
                <td>
                  <code>{event.type}</code>
                </td>
                <td>
                  <code>{event.outcome}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {order.refunds.length > 0 && (
        <table className="admin-table">
          <caption>Remboursements</caption>
          <thead>
            <tr>
              <th scope="col">Demandé le</th>
              <th scope="col">Montant</th>
              <th scope="col">Motif</th>
              <th scope="col">Contenu</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {order.refunds.map((refund) => (
              <tr key={refund.id}>
                <td>
                  {formatDateTime(refund.createdAt)}
                  <br />
                  <span className="muted">{refund.staff?.name ?? 'hors du bureau des commandes'}</span>
                </td>
                <td>{formatPrice(refund.amountCents)}</td>
                <td>
                  {REFUND_REASON_LABELS[refund.reason]}
                  {refund.note && (
                    <>
                      <br />
                      <span className="muted">{refund.note}</span>
                    </>
                  )}
                </td>
                <td>
                  <ul className="plain-list">
                    {refund.lines.map((line) => (
                      <li key={line.orderLine.title}>
                        {line.quantity} × {line.orderLine.title}
                        {line.restockedQuantity > 0 && ` (${line.restockedQuantity} remis en rayon)`}
                        {line.cancelledBackorderQuantity > 0 &&
                          ` (${line.cancelledBackorderQuantity} plus attendu du distributeur)`}
                      </li>
                    ))}
                    {refund.shippingCents > 0 && <li>Frais de livraison {formatPrice(refund.shippingCents)}</li>}
                    {refund.extraCents > 0 && <li>Montant libre {formatPrice(refund.extraCents)}</li>}
                  </ul>
                </td>
                <td>
                  {REFUND_STATUS[refund.status]}
                  {refund.stripeRefundId && (
                    <>
                      <br />
                      <code>{refund.stripeRefundId}</code>
                    </>
                  )}
                  {refund.failureMessage && (
                    <>
                      <br />
                      <span className="muted">{refund.failureMessage}</span>
                    </>
                  )}
                  {refund.status === 'requested' && (
                    <ActionForm
                      action={retryRefundAction}
                      submitLabel="Relancer"
                      className="inline-form"
                      buttonClassName="button-secondary"
                    >
                      <OrderFields reference={order.reference} />
                      <input type="hidden" name="refundId" value={refund.id} />
                    </ActionForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {order.holds.length > 0 && (
        <table className="admin-table">
          <caption>Exemplaires retenus pendant le paiement</caption>
          <thead>
            <tr>
              <th scope="col">Livre</th>
              <th scope="col">Exemplaires</th>
              <th scope="col">Jusqu’au</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {order.holds.map((hold, index) => (
              <tr key={index}>
                <td>{hold.book.title}</td>
                <td>{hold.quantity}</td>
                <td>{formatDateTime(hold.expiresAt)}</td>
                <td>{HOLD_STATUS[hold.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
