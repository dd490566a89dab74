import { BookCard } from '@/components/catalog/book-card';
import type { WishListEntry } from '@/lib/data/readers/wish-list';
import { removeFromWishListAction } from './wish-list-actions';

type Props = { entries: WishListEntry[]; label: string; editable: boolean };

/** The list's books as cards; on the reader's own page each with "Retirer de ma liste". */
export function WishListView({ entries, label, editable }: Props) {
  return (
    <ul className="book-grid wish-list" aria-label={label}>
      {entries.map(({ book }) => (
        <li key={book.ean}>
          <BookCard book={book} />
          {editable && (
            <form action={removeFromWishListAction}>
              <input type="hidden" name="ean" value={book.ean} />
              <button type="submit" aria-label={`Retirer de ma liste : « ${book.title} »`}>
                Retirer de ma liste
              </button>
            </form>
          )}
        </li>
      ))}
    </ul>
  );
}
