import type { Metadata } from 'next';
import { AccountOrdersPage } from '@/components/account/account-orders-page';
import { requireReader } from '@/lib/auth/require-reader';
import { listReaderOrders } from '@/lib/data/readers/reader-orders';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';

export const metadata: Metadata = { title: 'Mes commandes', robots: { index: false } };

async function AccountOrders({ searchParams }: PageProps<'/compte/commandes'>) {
  const reader = await requireReader();
  const { erreur } = await searchParams;
  return (
    <AccountOrdersPage reader={reader} orders={await listReaderOrders(reader.email)} error={erreur === 'commande'} />
  );
}

export default whenDatabaseAnswers(AccountOrders);
