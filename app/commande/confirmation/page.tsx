import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { recoverSessionPayment } from '@/lib/checkout/stripe-reconciliation';
import { getOrderConfirmation } from '@/lib/data/buying/orders';
import { formatDateLong } from '@/lib/core/date';
import { formatPrice } from '@/lib/core/money';
import { ORDER_STATUS_LABELS } from '@/lib/orders/status';
import { preOrderLabel } from '@/lib/orders/pre-order';
import { firstValues } from '@/lib/validation/search-params';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';
import { logger } from '@/lib/observability/logger';

export const metadata: Metadata = { title: 'Confirmation de commande', robots: { index: false } };

const SESSION_ID = /^cs_[A-Za-z0-9_]{1,250}$/;

/** Stripe unreachable: the page says the payment is being confirmed, the webhook or the reconciliation will. */
function stripeDown(error: unknown): false {
  logger.warn({ err: error }, 'confirmation: Stripe did not answer');
  return false;
}

/**
 * Reads the order. The webhook records the payment; when it has not come yet but the payment page
 * is complete at Stripe, its event is applied now, through the webhook's own path
 * (lib/checkout/stripe-reconciliation.ts).
 */
async function ConfirmationPage({ searchParams }: PageProps<'/commande/confirmation'>) {
  const sessionId = firstValues(await searchParams).session_id ?? '';
  let order = SESSION_ID.test(sessionId) ? await getOrderConfirmation(sessionId) : null;
  if (!order) notFound();
  if (order.status === 'pending_payment' && (await recoverSessionPayment(sessionId, order.createdAt).catch(stripeDown)))
    order = (await getOrderConfirmation(sessionId)) ?? order;
  return (
    <>
      <h1>Merci pour votre commande</h1>
      <p>
        Commande n° <strong>{order.reference}</strong> — statut : <strong>{ORDER_STATUS_LABELS[order.status]}</strong>
      </p>
      {order.status === 'pending_payment' && (
        <p className="notice" role="status">
          Votre paiement est en cours de confirmation. Cette page se met à jour dès que Stripe nous l’a confirmé ;{' '}
          <Link href={`/commande/confirmation?session_id=${sessionId}`}>actualiser</Link>.
        </p>
      )}
      <table className="spec-table">
        <caption>Votre commande</caption>
        <thead>
          <tr>
            <th scope="col">Livre</th>
            <th scope="col">Quantité</th>
            <th scope="col">Montant</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.ean}>
              <td>
                <Link href={`/livre/${line.ean}`}>{line.title}</Link>
                {line.preOrderPublishedOn
                  ? ` (${preOrderLabel(line.preOrderPublishedOn)})`
                  : line.backorderQuantity > 0 &&
                    ` (${line.backorderQuantity} commandé${line.backorderQuantity > 1 ? 's' : ''} chez le distributeur)`}
              </td>
              <td>{line.quantity}</td>
              <td>{formatPrice(line.lineTotalCents)}</td>
            </tr>
          ))}
          <tr>
            <td>{order.deliveryMethod === 'shop_pickup' ? 'Retrait en librairie' : 'Livraison'}</td>
            <td />
            <td>{order.shippingCents === 0 ? 'Gratuit' : formatPrice(order.shippingCents)}</td>
          </tr>
          <tr>
            <th scope="row">Total TTC</th>
            <td />
            <td>{formatPrice(order.totalCents)}</td>
          </tr>
        </tbody>
      </table>
      {order.deliveryEarliestOn && order.deliveryLatestOn && (
        <p>
          {order.deliveryMethod === 'shop_pickup' ? 'Disponible en librairie' : 'Livraison estimée'} entre le{' '}
          {formatDateLong(order.deliveryEarliestOn)} et le {formatDateLong(order.deliveryLatestOn)}.
        </p>
      )}
      <p>Conservez ce numéro de commande : il vous sera demandé pour suivre votre commande ({order.email}).</p>
      {/* The withdrawal function, reachable from the confirmation (art. L221-21, D221-5). */}
      <p>
        Vous pouvez vous rétracter jusqu’au quatorzième jour après la réception :{' '}
        <Link href="/retractation">Renoncer au contrat ici</Link>.
      </p>
    </>
  );
}

export default whenDatabaseAnswers(ConfirmationPage);
