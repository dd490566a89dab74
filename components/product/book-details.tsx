import Link from 'next/link';
import { WishListButton } from '@/components/account/wish-list-button';
import { AddToCartForm } from '@/components/cart/add-to-cart-form';
import { AvailabilityAlertForm } from '@/components/availability-alerts/availability-alert-form';
import { takesAlert } from '@/lib/alerts/availability-alert';
import { AvailabilityLine } from '@/components/catalog/availability-line';
import { BookCover } from '@/components/catalog/book-cover';
import { coverImageProps } from '@/components/catalog/cover-image-props';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import type { BookPage } from '@/lib/data/storefront/books';
import { formatDateShort } from '@/lib/core/date';
import { formatPrice } from '@/lib/core/money';
import { PickNote } from '@/components/picks/pick-note';
import { SpecTable } from './spec-table';

type Props = { book: NonNullable<BookPage>; deliveryLabel: string | null };

/** The book page: what a reader needs to buy first (title, authors, price, availability, button), then the rest of the model page. */
export function BookDetails({ book, deliveryLabel }: Props) {
  const authors = book.contributors.filter((c) => c.role === 'A01');
  const others = book.contributors.filter((c) => c.role !== 'A01');
  const withBiography = book.contributors.filter((c) => c.biography);
  return (
    <article className="book-page" aria-labelledby="book-title">
      {/* On a phone the cover shrinks beside the title, and the price and the button follow at once. */}
      <header className="book-head">
        <h1 id="book-title">
          {book.title}
          {book.subtitle && <span className="visually-hidden"> — </span>}
          {book.subtitle && <small className="book-subtitle">{book.subtitle}</small>}
        </h1>
        {authors.length > 0 && (
          <p className="book-authors">
            {authors.map((author, index) => (
              <span key={author.slug}>
                {index > 0 && ', '}
                <Link href={`/auteur/${author.slug}`}>{author.name}</Link>
              </span>
            ))}
          </p>
        )}
      </header>
      <div className="book-cover">
        <BookCover
          title={book.title}
          authors={authors.map((a) => a.name).join(', ')}
          image={coverImageProps(book.title, book.coverPath, 'page')}
        />
      </div>

      <section className="buy-box" aria-label="Prix et disponibilité">
        <p className="price">{formatPrice(book.priceCents)}</p>
        <AvailabilityLine ean={book.ean} availability={book.availability} />
        {deliveryLabel && <p className="delivery">{deliveryLabel}</p>}
        {book.availability.orderable ? (
          <AddToCartForm ean={book.ean} title={book.title} preOrder={book.availability.publishedOn !== undefined} />
        ) : (
          <p className="delivery">Ce livre ne peut pas être commandé.</p>
        )}
        {takesAlert(book.availability.state) && <AvailabilityAlertForm ean={book.ean} />}
        <WishListButton ean={book.ean} title={book.title} />
      </section>

      <div className="book-facts">
        {others.map((c) => (
          <p key={`${c.slug}-${c.role}`}>
            {c.roleLabel} : <Link href={`/auteur/${c.slug}`}>{c.name}</Link>
          </p>
        ))}
        <p>
          Éditeur : <Link href={`/editeur/${book.publisher.slug}`}>{book.publisher.name}</Link>
        </p>
        {book.collection && (
          <p>
            Collection : <Link href={`/collection/${book.collection.slug}`}>{book.collection.name}</Link>
            {book.collectionNumber && ` (n° ${book.collectionNumber})`}
          </p>
        )}
        {book.publishedOn && <p>Date de parution : {formatDateShort(book.publishedOn)}</p>}
        <p>EAN : {book.ean}</p>
        {book.pageCount !== null && <p>Nombre de pages : {book.pageCount}</p>}
      </div>

      <div className="book-more">
        {book.pick && <PickNote pick={book.pick} />}

        {book.descriptionParagraphs.length > 0 && (
          <section aria-labelledby="resume">
            <h2 id="resume">Résumé</h2>
            {book.descriptionParagraphs.map((paragraph, index) => (
              <p key={index}>{paragraph}</p>
            ))}
          </section>
        )}

        {withBiography.length > 0 && (
          <section aria-labelledby="biographie">
            <h2 id="biographie">{withBiography.length > 1 ? 'Les auteurs' : 'L’auteur'}</h2>
            {withBiography.map((c) => (
              <p key={c.slug}>
                <strong>{c.name}</strong> — {c.biography}
              </p>
            ))}
          </section>
        )}

        <section aria-labelledby="caracteristiques">
          <h2 id="caracteristiques">Caractéristiques</h2>
          <SpecTable book={book} />
        </section>

        <section aria-labelledby="theme">
          <h2 id="theme">Thème</h2>
          <Breadcrumb
            label="Thème du livre"
            lastIsCurrentPage={false}
            crumbs={book.themes.map((theme) => ({ label: theme.name, href: `/theme/${theme.path}` }))}
          />
        </section>
      </div>
    </article>
  );
}
