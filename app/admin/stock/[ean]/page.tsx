import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LedgerTable } from '@/components/admin/stock/ledger-table';
import { StockForms } from '@/components/admin/stock/stock-forms';
import { Pagination } from '@/components/ui/pagination';
import { requireStaff } from '@/lib/auth/require-staff';
import { AVAILABILITY_STATE_LABELS } from '@/lib/availability/availability-state';
import { getBookStock, LEDGER_PAGE_SIZE } from '@/lib/data/stock-desk/stock-levels';
import { normalizeEanParam } from '@/lib/isbn';
import { formatPrice } from '@/lib/core/money';
import { firstValues } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Stock d’un livre' };

export default async function BookStockPage({ params, searchParams }: PageProps<'/admin/stock/[ean]'>) {
  const { ean: raw } = await params;
  await requireStaff('libraire', { loginRedirect: `/admin/stock/${encodeURIComponent(raw)}` });
  const ean = normalizeEanParam(raw);
  const pageParam = Number(firstValues(await searchParams).page ?? '1');
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 1000 ? pageParam : 1;
  const book = ean ? await getBookStock(ean, page) : null;
  if (!book) notFound();
  return (
    <>
      <p>
        <Link href="/admin/stock">← Tout le stock</Link>
      </p>
      <h1>{book.title}</h1>
      <dl className="facts">
        <dt>EAN</dt>
        <dd>{book.ean}</dd>
        <dt>Prix public</dt>
        <dd>{formatPrice(book.publisherPriceCents)}</dd>
        <dt>Distributeur</dt>
        <dd>{book.supplier?.name ?? '—'}</dd>
        <dt>En stock</dt>
        <dd>{book.stock.onHand}</dd>
        <dt>Réservés (paiements en cours)</dt>
        <dd>{book.stock.held}</dd>
        <dt>Disponibles</dt>
        <dd>{book.stock.available}</dd>
        <dt>Pour les lecteurs</dt>
        <dd>{AVAILABILITY_STATE_LABELS[book.availability]}</dd>
      </dl>
      {book.ledgerSum !== book.stock.onHand && (
        <p className="attention" role="note">
          Le journal des mouvements totalise {book.ledgerSum} exemplaires, le stock en indique {book.stock.onHand}.
        </p>
      )}
      <p>
        <Link href={`/admin/catalogue/livres/${book.ean}`}>Modifier la fiche du livre</Link> ·{' '}
        <Link href={`/livre/${book.ean}`}>Voir la page du lecteur</Link>
      </p>
      <StockForms ean={book.ean} threshold={book.stock.reorderThreshold} />
      <LedgerTable movements={book.movements} />
      <Pagination
        page={page}
        pageCount={Math.max(Math.ceil(book.total / LEDGER_PAGE_SIZE), 1)}
        hrefFor={(p) => `/admin/stock/${book.ean}${p > 1 ? `?page=${p}` : ''}`}
      />
    </>
  );
}
