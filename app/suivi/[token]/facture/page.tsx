import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Invoice } from '@/components/tracking/invoice';
import { getShopSettings } from '@/lib/data/staff/shop-settings';
import { getTrackedOrder } from '@/lib/data/customer-mail/tracked-order';
import { findOrderIdByTrackingToken } from '@/lib/data/customer-mail/tracking-tokens';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';

export const metadata: Metadata = { title: 'Facture', robots: { index: false, follow: false } };

async function InvoicePage({ params }: PageProps<'/suivi/[token]/facture'>) {
  const { token } = await params;
  const now = new Date();
  const orderId = await findOrderIdByTrackingToken(token, now);
  const order = orderId === null ? null : await getTrackedOrder(orderId, now);
  if (!order?.paid) notFound();
  return <Invoice order={order} shop={await getShopSettings()} />;
}

export default whenDatabaseAnswers(InvoicePage);
