import Link from 'next/link';
import { formatDateShort } from '@/lib/core/date';
import { formatPrice } from '@/lib/core/money';
import type { QuoteSummary } from '@/lib/data/buying/quotes';
import { isQuoteExpired } from '@/lib/quotes/quote-rules';
import { formatDueOn } from '@/lib/invoicing/payment-terms';

function statusLabel(quote: QuoteSummary, now: Date): string {
  if (quote.status === 'accepted') return `accepté : commande ${quote.orderReference ?? ''}`;
  return isQuoteExpired(quote.validUntil, now) ? 'expiré' : 'à accepter';
}

/** Quotes, newest first: the buyer's at /compte/devis, every one at /admin/devis. */
export function QuoteTable({
  quotes,
  hrefOf,
  now,
}: {
  quotes: QuoteSummary[];
  hrefOf: (id: number) => string;
  now: Date;
}) {
  return (
    <table className="spec-table">
      <caption>Devis</caption>
      <thead>
        <tr>
          <th scope="col">Numéro</th>
          <th scope="col">Organisation</th>
          <th scope="col">Date</th>
          <th scope="col">Valable jusqu’au</th>
          <th scope="col">Total TTC</th>
          <th scope="col">État</th>
        </tr>
      </thead>
      <tbody>
        {quotes.map((quote) => (
          <tr key={quote.id}>
            <th scope="row">
              <Link href={hrefOf(quote.id)}>{quote.number}</Link>
            </th>
            <td>{quote.organisationName}</td>
            <td>{formatDateShort(quote.issuedAt)}</td>
            <td>{formatDueOn(quote.validUntil)}</td>
            <td>{formatPrice(quote.totalCents)}</td>
            <td>{statusLabel(quote, now)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
