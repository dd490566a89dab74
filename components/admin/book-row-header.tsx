import Link from 'next/link';

/** The first cell of a stock desk's row: the book's title, linked to its stock page, and its EAN. */
export function BookRowHeader({ ean, title }: { ean: string; title: string }) {
  return (
    <th scope="row">
      <Link href={`/admin/stock/${ean}`}>{title}</Link>
      <br />
      <span className="muted">EAN {ean}</span>
    </th>
  );
}
