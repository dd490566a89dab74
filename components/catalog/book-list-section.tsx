import type { BookList } from '@/lib/data/catalog';
import { Pagination } from '@/components/ui/pagination';
import { BookGrid } from './book-grid';

type Props = { list: BookList; label: string; hrefFor: (page: number) => string; empty?: string };

export function BookListSection({ list, label, hrefFor, empty = 'Aucun livre ne correspond.' }: Props) {
  return (
    <section aria-label={label}>
      <p className="result-count" role="status">
        {list.total === 0
          ? empty
          : `${list.total.toLocaleString('fr-FR')} livre${list.total > 1 ? 's' : ''} — page ${list.page} sur ${list.pageCount}`}
      </p>
      {list.books.length > 0 && <BookGrid books={list.books} label={label} />}
      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={hrefFor} />
    </section>
  );
}
