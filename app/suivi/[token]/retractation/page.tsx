import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { WithdrawalForm } from '@/components/tracking/withdrawal-form';
import { getTrackedOrder } from '@/lib/data/customer-mail/tracked-order';
import { findOrderIdByTrackingToken } from '@/lib/data/customer-mail/tracking-tokens';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';
import { WITHDRAWAL_REFUND_NOTICE, WITHDRAWAL_RIGHT_NOTICE } from '@/lib/pricing';

export const metadata: Metadata = { title: 'Rétractation', robots: { index: false, follow: false } };

// Code de la consommation, art. L221-18 (the right, 14 days from receipt) and L221-21 (declared
// online: acknowledged at once on a durable medium, the e-mail withdrawal_received).
async function WithdrawalPage({ params }: PageProps<'/suivi/[token]/retractation'>) {
  const { token } = await params;
  const now = new Date();
  const orderId = await findOrderIdByTrackingToken(token, now);
  const order = orderId === null ? null : await getTrackedOrder(orderId, now);
  if (!order) notFound();
  const lines = order.lines.map((line, index) => {
    const id = order.lineIds[index]!;
    const max = order.withdrawal.ok ? (order.withdrawal.lines.find((l) => l.id === id)?.max ?? 0) : 0;
    return { id, title: line.title, max };
  });
  return (
    <>
      <p>
        <Link href={`/suivi/${token}`}>← Retour à la commande {order.reference}</Link>
      </p>
      <h1>Rétractation</h1>
      <p>{WITHDRAWAL_RIGHT_NOTICE}</p>
      <p>{WITHDRAWAL_REFUND_NOTICE}</p>
      <WithdrawalForm
        token={token}
        lines={lines}
        closedMessage={order.withdrawal.ok ? null : order.withdrawal.message}
      />
    </>
  );
}

export default whenDatabaseAnswers(WithdrawalPage);
