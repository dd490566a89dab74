'use client';

import Link from 'next/link';
import { AddToCartForm } from '@/components/cart/add-to-cart-form';
import { BookCover } from './book-cover';
import type { CoverImage } from './cover-image-props';

/** What a card shows, ready to print: the props a listing's payload carries for each card. */
export type BookCardViewProps = {
  ean: string;
  title: string;
  authors: string;
  publisher: string;
  price: string;
  availabilityState: string;
  availabilityLabel: string;
  orderable: boolean;
  /** A forthcoming title with its date: "Précommander". */
  preOrder?: boolean;
  cover: CoverImage | null;
  headingLevel: 2 | 3;
  withAddToCart: boolean;
};

/**
 * A book card's markup. A client component for its size, not its behaviour: the page's React
 * payload then carries each card's few props instead of its whole element tree (a listing of 24
 * cards sends each card twice: once as HTML, once for hydration).
 */
export function BookCardView(card: BookCardViewProps) {
  const Heading = card.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="book-card">
      <BookCover title={card.title} authors={card.authors} image={card.cover} />
      <Heading>
        <Link href={`/livre/${card.ean}`}>{card.title}</Link>
      </Heading>
      {card.authors && <p className="authors">{card.authors}</p>}
      <p className="publisher">{card.publisher}</p>
      <p className="price">{card.price}</p>
      <p className={`availability availability--${card.availabilityState}`}>{card.availabilityLabel}</p>
      {card.withAddToCart && card.orderable && (
        <AddToCartForm ean={card.ean} title={card.title} preOrder={card.preOrder} compact />
      )}
    </article>
  );
}
