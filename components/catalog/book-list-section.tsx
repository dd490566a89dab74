import type { BookList, TotalPrecision } from '@/lib/data/storefront/catalog';
import type { ListingKey } from '@/lib/validation/listing-key';
import { Pagination } from '@/components/ui/pagination';
import { BookGrid } from './book-grid';

type Props = {
  list: BookList;
  label: string;
  hrefFor: (page: number) => string;
  /** The URL of the page after a book's key: listings that go on past their numbered pages. */
  hrefAfter?: (key: ListingKey) => string;
  empty?: string;
};

/** "1 234 livres"; "Plus de 2 000 livres" when the count stopped at its cap; "Environ 82 000 livres". */
export function bookCountLabel(total: number, precision: TotalPrecision): string {
  if (precision === 'atLeast') return `Plus de ${total.toLocaleString('fr-FR')} livres`;
  if (precision === 'about') return `Environ ${roundForReading(total).toLocaleString('fr-FR')} livres`;
  return `${total.toLocaleString('fr-FR')} livre${total > 1 ? 's' : ''}`;
}

/** Two significant digits: 81 696 → 82 000. */
function roundForReading(total: number): number {
  if (total < 100) return total;
  const unit = 10 ** (Math.floor(Math.log10(total)) - 1);
  return Math.round(total / unit) * unit;
}

export function BookListSection({ list, label, hrefFor, hrefAfter, empty = 'Aucun livre ne correspond.' }: Props) {
  return (
    <section aria-label={label}>
      <p className="result-count" role="status">
        {list.total === 0
          ? empty
          : list.byKey
            ? `${bookCountLabel(list.total, list.totalPrecision)} — suite de la liste`
            : list.totalPrecision === 'exact'
              ? `${bookCountLabel(list.total, 'exact')} — page ${list.page} sur ${list.pageCount}`
              : `${bookCountLabel(list.total, list.totalPrecision)} — page ${list.page}`}
      </p>
      {list.books.length > 0 && <BookGrid books={list.books} label={label} />}
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        hrefFor={hrefFor}
        byKey={list.byKey}
        nextHref={list.nextKey && hrefAfter ? hrefAfter(list.nextKey) : undefined}
      />
    </section>
  );
}
