import Link from 'next/link';

type Props = {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  /** The page was reached by key, past the numbered pages: it has no number. */
  byKey?: boolean;
  /** "Page suivante" when the next page is reached by key (lib/validation/listing-key.ts). */
  nextHref?: string;
};

/**
 * Pages around the current one, with first and last; every page is a plain link in the URL.
 * Past the last numbered page, "Page suivante" goes on by key to the end of the listing, and a
 * page reached so offers the first page and the next one (the browser's Back goes back).
 */
export function Pagination({ page, pageCount, hrefFor, byKey = false, nextHref }: Props) {
  if (byKey) {
    return (
      <nav className="pagination" aria-label="Pagination">
        <ul>
          <li>
            <Link href={hrefFor(1)}>Première page</Link>
          </li>
          {nextHref && (
            <li>
              <Link href={nextHref} rel="next">
                Page suivante
              </Link>
            </li>
          )}
        </ul>
      </nav>
    );
  }
  if (pageCount <= 1 && !nextHref) return null;
  const pages = [...new Set([1, page - 1, page, page + 1, pageCount])]
    .filter((p) => p >= 1 && p <= pageCount)
    .sort((a, b) => a - b);
  const next = page < pageCount ? hrefFor(page + 1) : nextHref;
  return (
    <nav className="pagination" aria-label="Pagination">
      <ul>
        {page > 1 && (
          <li>
            <Link href={hrefFor(page - 1)} rel="prev">
              Page précédente
            </Link>
          </li>
        )}
        {pages.map((p) => (
          <li key={p}>
            {p === page ? <span aria-current="page">Page {p}</span> : <Link href={hrefFor(p)}>Page {p}</Link>}
          </li>
        ))}
        {next && (
          <li>
            <Link href={next} rel="next">
              Page suivante
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
