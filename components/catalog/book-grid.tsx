import type { BookCard as BookCardData } from '@/lib/data/storefront/books';
import { BookCard } from './book-card';

export function BookGrid({ books, label }: { books: BookCardData[]; label: string }) {
  return (
    <ul className="book-grid" aria-label={label}>
      {books.map((book) => (
        <li key={book.ean}>
          <BookCard book={book} />
        </li>
      ))}
    </ul>
  );
}
