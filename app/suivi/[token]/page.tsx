import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TrackedOrderView } from '@/components/tracking/tracked-order';
import { getShopSettings } from '@/lib/data/staff/shop-settings';
import { getTrackedOrder } from '@/lib/data/customer-mail/tracked-order';
import { findOrderIdByTrackingToken } from '@/lib/data/customer-mail/tracking-tokens';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';

// The link of the e-mails: the token is the only key. A forged, expired or malformed one gives the
// same 404 as an unknown one (lib/data/customer-mail/tracking-tokens.ts).
export const metadata: Metadata = { title: 'Suivi de commande', robots: { index: false, follow: false } };

async function TrackedOrderPage({ params }: PageProps<'/suivi/[token]'>) {
  const { token } = await params;
  const now = new Date();
  const orderId = await findOrderIdByTrackingToken(token, now);
  const order = orderId === null ? null : await getTrackedOrder(orderId, now);
  if (!order) notFound();
  return <TrackedOrderView order={order} token={token} shop={await getShopSettings()} />;
}

export default whenDatabaseAnswers(TrackedOrderPage);
