import type { Metadata } from 'next';
import { StockFilters } from '@/components/admin/stock/stock-filters';
import { StockTable } from '@/components/admin/stock/stock-table';
import { Pagination } from '@/components/ui/pagination';
import { requireStaff } from '@/lib/auth/require-staff';
import { listSupplierOptions } from '@/lib/data/stock-desk/receiving';
import { listStock, listThemeOptions, STOCK_PAGE_SIZE } from '@/lib/data/stock-desk/stock-levels';
import { parseStockQuery, stockQueryString } from '@/lib/validation/stock-levels';

export const metadata: Metadata = { title: 'Stock' };

export default async function StockPage({ searchParams }: PageProps<'/admin/stock'>) {
  await requireStaff('libraire', { loginRedirect: '/admin/stock' });
  const query = parseStockQuery(await searchParams);
  const [{ total, rows }, suppliers, themes] = await Promise.all([
    listStock(query),
    listSupplierOptions(),
    listThemeOptions(),
  ]);
  return (
    <>
      <h1>Stock</h1>
      <p>
        « Disponibles » : en stock et non réservés par un lecteur en train de payer — ce que le panier, la commande et
        le paiement comptent aussi.
      </p>
      <StockFilters query={query} suppliers={suppliers} themes={themes} />
      <p className="result-count" role="status">
        {total} livre{total > 1 ? 's' : ''} —{' '}
        <a href={`/admin/stock/export${stockQueryString({ ...query, page: 1 })}`} download>
          Exporter en CSV
        </a>
      </p>
      <StockTable rows={rows} />
      <Pagination
        page={query.page}
        pageCount={Math.max(Math.ceil(total / STOCK_PAGE_SIZE), 1)}
        hrefFor={(page) => `/admin/stock${stockQueryString(query, { page })}`}
      />
    </>
  );
}
