import Link from 'next/link';
import type { BookCard as BookCardData } from '@/lib/data/books';
import { formatPrice } from '@/lib/format/money';
import { AddToCartForm } from '@/components/cart/add-to-cart-form';
import { AvailabilityLine } from './availability-line';
import { BookCover } from './book-cover';

type Props = {
  book: BookCardData;
  headingLevel?: 2 | 3;
  /** Off in the book page's related rows: that page has one "Ajouter au panier", for its own book. */
  withAddToCart?: boolean;
};

export function BookCard({ book, headingLevel = 3, withAddToCart = true }: Props) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="book-card">
      <BookCover title={book.title} authors={book.authors.map((a) => a.name)} coverPath={book.coverPath} />
      <Heading>
        <Link href={`/livre/${book.ean}`}>{book.title}</Link>
      </Heading>
      {book.authors.length > 0 && <p className="authors">{book.authors.map((a) => a.name).join(', ')}</p>}
      <p className="publisher">{book.publisher.name}</p>
      <p className="price">{formatPrice(book.priceCents)}</p>
      <AvailabilityLine availability={book.availability} />
      {withAddToCart && book.availability.orderable && <AddToCartForm ean={book.ean} title={book.title} compact />}
    </article>
  );
}
