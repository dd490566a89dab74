import Link from 'next/link';
import { BookCard } from '@/components/catalog/book-card';
import type { BookPage } from '@/lib/data/storefront/books';
import type { RelatedBooks } from '@/lib/data/storefront/related-books';

type Props = { book: NonNullable<BookPage>; related: RelatedBooks };

/** "Du même auteur", "Dans la même collection", "Sur le même thème": a short row of cards each, and a link to the rest. */
export function RelatedBookRows({ book, related }: Props) {
  const authors = book.contributors.filter((c) => c.role === 'A01');
  const theme = book.themes.at(-1);
  const rows = [
    {
      id: 'du-meme-auteur',
      title: authors.length > 1 ? 'Des mêmes auteurs' : 'Du même auteur',
      books: related.byAuthor,
      more: authors[0] && { href: `/auteur/${authors[0].slug}`, label: `Tous les livres de ${authors[0].name}` },
    },
    {
      id: 'dans-la-meme-collection',
      title: 'Dans la même collection',
      books: related.inCollection,
      more: book.collection && {
        href: `/collection/${book.collection.slug}`,
        label: `Toute la collection « ${book.collection.name} »`,
      },
    },
    {
      id: 'sur-le-meme-theme',
      title: 'Sur le même thème',
      books: related.onTheme,
      more: theme && { href: `/theme/${theme.path}`, label: `Tous les livres du thème « ${theme.name} »` },
    },
  ].filter((row) => row.books.length > 0);

  return rows.map((row) => (
    <section key={row.id} className="related-row" aria-labelledby={row.id}>
      <h2 id={row.id}>{row.title}</h2>
      <ul className="book-row">
        {row.books.map((related) => (
          <li key={related.ean}>
            <BookCard book={related} withAddToCart={false} />
          </li>
        ))}
      </ul>
      {row.more && (
        <p className="related-more">
          <Link href={row.more.href}>{row.more.label}</Link>
        </p>
      )}
    </section>
  ));
}
