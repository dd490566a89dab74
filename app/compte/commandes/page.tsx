import type { Metadata } from 'next';
import { AccountOrdersPage } from '@/components/account/account-orders-page';
import { requireReader } from '@/lib/auth/require-reader';
import { listReaderOrders } from '@/lib/data/readers/reader-orders';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';

export const metadata: Metadata = { title: 'Mes commandes', robots: { index: false } };

async function AccountOrders({ searchParams }: PageProps<'/compte/commandes'>) {
  const reader = await requireReader();
  const { erreur, commande } = await searchParams;
  const orders = await listReaderOrders(reader.email);
  const placed = orders.find((order) => order.reference === commande && order.onAccount !== null);
  return (
    <AccountOrdersPage
      reader={reader}
      orders={orders}
      error={erreur === 'commande'}
      placedOnAccount={placed?.reference ?? null}
    />
  );
}

export default whenDatabaseAnswers(AccountOrders);
