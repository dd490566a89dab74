import Link from 'next/link';
import type { BookPage } from '@/lib/data/storefront/books';
import { formatDateShort } from '@/lib/core/date';

type Book = NonNullable<BookPage>;

/** "Caractéristiques": the rows of the model page, in its order. */
export function SpecTable({ book }: { book: Book }) {
  const authors = book.contributors.filter((c) => c.role === 'A01');
  return (
    <table className="spec-table">
      <caption className="visually-hidden">Caractéristiques du livre</caption>
      <tbody>
        <Row label="EAN">{book.ean}</Row>
        <Row label="ISBN">{book.isbn13}</Row>
        {book.publishedOn && <Row label="Date de parution">{formatDateShort(book.publishedOn)}</Row>}
        {book.pageCount !== null && <Row label="Nombre de pages">{book.pageCount}</Row>}
        <Row label="Type d'ouvrage">{book.workType}</Row>
        <Row label="Support">{book.support}</Row>
        <Row label="Langue">{book.language}</Row>
        {authors.length > 0 && (
          <Row label="Auteur(s)">
            {authors.map((author, index) => (
              <span key={author.slug}>
                {index > 0 && ', '}
                <Link href={`/auteur/${author.slug}`}>{author.name}</Link>
              </span>
            ))}
          </Row>
        )}
        <Row label="Éditeur">
          <Link href={`/editeur/${book.publisher.slug}`}>{book.publisher.name}</Link>
        </Row>
        {book.collection && (
          <Row label="Collection">
            <Link href={`/collection/${book.collection.slug}`}>{book.collection.name}</Link>
          </Row>
        )}
        <Row label="Thème">{book.themes.map((theme) => theme.name).join(' > ')}</Row>
      </tbody>
    </table>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{children}</td>
    </tr>
  );
}
