import type { Metadata } from 'next';
import { AccountOrdersPage } from '@/components/account/account-orders-page';
import { requireReader } from '@/lib/auth/require-reader';
import { listReaderOrders } from '@/lib/data/readers/reader-orders';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';

export const metadata: Metadata = { title: 'Mon compte', robots: { index: false } };

async function AccountPage({ searchParams }: PageProps<'/compte'>) {
  const reader = await requireReader();
  const { erreur } = await searchParams;
  return (
    <AccountOrdersPage reader={reader} orders={await listReaderOrders(reader.email)} error={erreur === 'commande'} />
  );
}

export default whenDatabaseAnswers(AccountPage);
