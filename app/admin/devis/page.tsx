import type { Metadata } from 'next';
import { Field } from '@/components/ui/field';
import { Pagination } from '@/components/ui/pagination';
import { QuoteTable } from '@/components/quotes/quote-table';
import { requireStaff } from '@/lib/auth/require-staff';
import { listQuotes, STAFF_QUOTES_PAGE_SIZE } from '@/lib/data/buying/quotes';
import { QuoteQuerySchema } from '@/lib/validation/quotes';
import { firstValues } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Devis' };

export default async function QuotesPage({ searchParams }: PageProps<'/admin/devis'>) {
  await requireStaff('libraire', { loginRedirect: '/admin/devis' });
  const query = QuoteQuerySchema.parse(firstValues(await searchParams));
  const { total, rows } = await listQuotes(query);
  const hrefFor = (page: number) => {
    const params = new URLSearchParams({ ...(query.q && { q: query.q }), ...(page > 1 && { page: String(page) }) });
    return `/admin/devis${params.size > 0 ? `?${params}` : ''}`;
  };
  return (
    <>
      <h1>Devis</h1>
      <p>
        Les devis demandés par les acheteurs des clients professionnels depuis leur panier. Une acceptation reçue par
        courrier ou par courriel s’enregistre sur la page du devis : la commande sur compte est alors créée.
      </p>
      <form className="admin-filters" method="get" action="/admin/devis" role="search" aria-label="Chercher un devis">
        <Field label="Numéro ou organisation" name="q" type="search" defaultValue={query.q ?? ''} maxLength={120} />
        <button type="submit">Chercher</button>
      </form>
      <p className="result-count" role="status">
        {total} devis
      </p>
      {rows.length > 0 && <QuoteTable quotes={rows} hrefOf={(id) => `/admin/devis/${id}`} now={new Date()} />}
      <Pagination
        page={query.page}
        pageCount={Math.max(Math.ceil(total / STAFF_QUOTES_PAGE_SIZE), 1)}
        hrefFor={hrefFor}
      />
    </>
  );
}
