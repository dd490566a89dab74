import { BookCard } from '@/components/catalog/book-card';
import type { PickCard } from '@/lib/data/storefront/book-picks';
import { noteParagraphs } from '@/lib/validation/book-picks';

const EXCERPT_CHARACTERS = 220;

/** The note's first paragraph, cut at a word near EXCERPT_CHARACTERS: the whole note is on the book page. */
export function noteExcerpt(note: string): string {
  const first = noteParagraphs(note)[0] ?? '';
  if (first.length <= EXCERPT_CHARACTERS) return first;
  const cut = first.slice(0, EXCERPT_CHARACTERS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT_CHARACTERS - 40)).trimEnd()}…`;
}

/** The booksellers' picks as a grid: each book's card, then the start of the note and who wrote it. */
export function PickList({ picks, label }: { picks: PickCard[]; label: string }) {
  return (
    <ul className="book-grid pick-list" aria-label={label}>
      {picks.map((pick) => (
        <li key={pick.book.ean}>
          <BookCard book={pick.book} />
          <figure className="pick-excerpt">
            <blockquote>
              <p>{noteExcerpt(pick.note)}</p>
            </blockquote>
            <figcaption>— {pick.booksellerName}, libraire</figcaption>
          </figure>
        </li>
      ))}
    </ul>
  );
}
