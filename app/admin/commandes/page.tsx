import type { Metadata } from 'next';
import { OrdersFilters } from '@/components/admin/order-desk/orders-filters';
import { OrdersTable } from '@/components/admin/order-desk/orders-table';
import { StageCounts } from '@/components/admin/order-desk/stage-counts';
import { Pagination } from '@/components/ui/pagination';
import { requireStaff } from '@/lib/auth/require-staff';
import { ADMIN_ORDERS_PAGE_SIZE, countOrdersByStage, listAdminOrders } from '@/lib/data/order-desk/order-reads';
import { adminOrdersHref, parseAdminOrdersQuery, STAGE_URL_VALUES } from '@/lib/validation/order-desk-query';

export const metadata: Metadata = { title: 'Commandes' };

export default async function AdminOrdersPage({ searchParams }: PageProps<'/admin/commandes'>) {
  await requireStaff('libraire', { loginRedirect: '/admin/commandes' });
  const query = parseAdminOrdersQuery(await searchParams);
  const [{ total, rows }, counts] = await Promise.all([listAdminOrders(query), countOrdersByStage()]);
  const pageCount = Math.max(Math.ceil(total / ADMIN_ORDERS_PAGE_SIZE), 1);
  return (
    <>
      <h1>Commandes</h1>
      <StageCounts
        byStage={counts.byStage}
        attention={counts.attention}
        uncollected={counts.uncollected}
        withdrawalsToRefund={counts.withdrawalsToRefund}
        current={query.etape ? STAGE_URL_VALUES[query.etape] : null}
      />
      <OrdersFilters query={query} />
      <p className="result-count" role="status">
        {total} commande{total > 1 ? 's' : ''}
      </p>
      <OrdersTable rows={rows} />
      <Pagination page={query.page} pageCount={pageCount} hrefFor={(page) => adminOrdersHref(query, { page })} />
    </>
  );
}
