import Link from 'next/link';

type Props = { page: number; pageCount: number; hrefFor: (page: number) => string };

/** Pages around the current one, with first and last; every page is a plain link in the URL. */
export function Pagination({ page, pageCount, hrefFor }: Props) {
  if (pageCount <= 1) return null;
  const pages = [...new Set([1, page - 1, page, page + 1, pageCount])]
    .filter((p) => p >= 1 && p <= pageCount)
    .sort((a, b) => a - b);
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
        {page < pageCount && (
          <li>
            <Link href={hrefFor(page + 1)} rel="next">
              Page suivante
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
