import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PreOrderCancelForm } from '@/components/tracking/pre-order-cancel-form';
import { getTrackedOrder } from '@/lib/data/customer-mail/tracked-order';
import { findOrderIdByTrackingToken } from '@/lib/data/customer-mail/tracking-tokens';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';
import { formatCopies } from '@/lib/core/copies';

export const metadata: Metadata = { title: 'Annuler ma précommande', robots: { index: false, follow: false } };

// The confirmation step of "Annuler ma précommande" (CGV, pre-orders article): what will be
// cancelled and refunded, then one button. The token is the only key, as on the tracking page.
async function CancelPreOrderPage({ params }: PageProps<'/suivi/[token]/annuler-precommande'>) {
  const { token } = await params;
  const now = new Date();
  const orderId = await findOrderIdByTrackingToken(token, now);
  const order = orderId === null ? null : await getTrackedOrder(orderId, now);
  if (!order) notFound();
  const cancellation = order.preOrderCancellation;
  return (
    <>
      <p>
        <Link href={`/suivi/${token}`}>← Retour à la commande {order.reference}</Link>
      </p>
      <h1>Annuler ma précommande</h1>
      {cancellation && (
        <>
          <p>Ces exemplaires précommandés, pas encore reçus du distributeur, seront annulés :</p>
          <ul>
            {cancellation.lines.map((line) => (
              <li key={line.orderLineId}>
                {line.title} ({formatCopies(line.quantity)})
              </li>
            ))}
          </ul>
          <p>
            {cancellation.wholeOrder
              ? 'Rien d’autre ne reste dans la commande : elle est annulée, et tout ce que vous avez payé, frais de livraison compris, vous est remboursé aussitôt.'
              : 'Ils vous sont remboursés aussitôt ; le reste de la commande vous sera envoyé comme prévu, avec ses frais de livraison.'}
          </p>
        </>
      )}
      <PreOrderCancelForm
        token={token}
        closedMessage={
          cancellation
            ? null
            : 'Aucune précommande de cette commande n’est plus annulable (déjà annulée, reçue ou expédiée).'
        }
      />
    </>
  );
}

export default whenDatabaseAnswers(CancelPreOrderPage);
