import type { BookCard as BookCardData } from '@/lib/data/storefront/books';
import { formatPrice } from '@/lib/core/money';
import { bookTag, tagResponse } from '@/lib/front-cache/response-tags';
import { BookCardView } from './book-card-view';
import { coverImageProps } from './cover-image-props';

type Props = {
  book: BookCardData;
  headingLevel?: 2 | 3;
  /** Off in the book page's related rows: that page has one "Ajouter au panier", for its own book. */
  withAddToCart?: boolean;
};

/** A book on a listing or a row: the page showing it is purged from the front cache when it changes. */
export function BookCard({ book, headingLevel = 3, withAddToCart = true }: Props) {
  tagResponse(bookTag(book.ean));
  return (
    <BookCardView
      ean={book.ean}
      title={book.title}
      authors={book.authors.map((a) => a.name).join(', ')}
      publisher={book.publisher.name}
      price={formatPrice(book.priceCents)}
      availabilityState={book.availability.state}
      availabilityLabel={book.availability.label}
      orderable={book.availability.orderable}
      preOrder={book.availability.publishedOn !== undefined}
      cover={coverImageProps(book.title, book.coverPath, 'card')}
      headingLevel={headingLevel}
      withAddToCart={withAddToCart}
    />
  );
}
