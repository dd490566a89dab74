import { noteParagraphs } from '@/lib/validation/book-picks';

type Props = { pick: { note: string; booksellerName: string } };

/** "Le mot du libraire" on the book page: the note, signed with the bookseller's first name. */
export function PickNote({ pick }: Props) {
  return (
    <section aria-labelledby="mot-du-libraire" className="pick-note">
      <h2 id="mot-du-libraire">Le mot du libraire</h2>
      <figure>
        <blockquote>
          {noteParagraphs(pick.note).map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </blockquote>
        <figcaption>— {pick.booksellerName}, libraire</figcaption>
      </figure>
    </section>
  );
}
