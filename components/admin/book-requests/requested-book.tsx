import { requestedBook } from '@/lib/email/book-request-emails';

/** The book as the reader named it: title, author, publisher, ISBN, whichever were given. */
export function RequestedBook({
  request,
}: {
  request: { ean: string | null; title: string | null; author: string | null; publisher: string | null };
}) {
  return <>{requestedBook(request)}</>;
}
