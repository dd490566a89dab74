import { formatDateShort } from '@/lib/core/date';
import { formatPrice } from '@/lib/core/money';
import { DocumentParties, DocumentTables, LineBreaks } from '@/components/documents/document-parts';
import type { AcceptancePreview } from '@/lib/data/buying/quote-acceptance';
import type { QuoteView } from '@/lib/data/buying/quotes';
import {
  quoteConditions,
  quoteHeaderLines,
  quoteTitle,
  quoteTotalLine,
  type QuoteForPrint,
} from '@/lib/quotes/quote-document';
import { repricingNote, signedPrice } from '@/lib/quotes/quote-rules';

/** A quote as made and frozen, in the words of its PDF (lib/quotes/quote-document.ts). */
export function QuoteDocument({ quote, pdfUrl }: { quote: QuoteForPrint; pdfUrl: string }) {
  return (
    <article className="invoice" aria-labelledby={`titre-${quote.number}`}>
      <h2 id={`titre-${quote.number}`}>{quoteTitle(quote)}</h2>
      <p>
        <LineBreaks lines={quoteHeaderLines(quote)} />
      </p>
      <DocumentParties seller={quote.seller} buyer={quote.buyer} />
      <DocumentTables lines={quote.lines} vat={quote.vat} />
      <p>
        <strong>{quoteTotalLine(quote)}</strong>
      </p>
      {quoteConditions(quote).map((line) => (
        <p key={line}>{line}</p>
      ))}
      <p>
        <a href={pdfUrl} download>
          Télécharger le devis {quote.number} (PDF)
        </a>
      </p>
    </article>
  );
}

/** Where the quote stands: accepted (its order, the difference), or what accepting it costs today. */
export function QuoteStanding({
  quote,
  preview,
  orderHref,
}: {
  quote: QuoteView;
  preview: AcceptancePreview | null;
  orderHref: string | null;
}) {
  const { acceptance } = quote;
  if (acceptance) {
    const note = repricingNote(acceptance.differenceCents);
    return (
      <section aria-labelledby="devis-acceptation">
        <h2 id="devis-acceptation">Devis accepté</h2>
        <p>
          Accepté le {formatDateShort(acceptance.at)} par {acceptance.by} : commande{' '}
          {orderHref ? <a href={orderHref}>{acceptance.orderReference}</a> : acceptance.orderReference}, total{' '}
          {formatPrice(acceptance.orderTotalCents)} (devis : {formatPrice(quote.totalCents)}).
        </p>
        <p>{note ?? 'Prix inchangés depuis le devis : même total.'}</p>
      </section>
    );
  }
  if (!preview) return null;
  return (
    <section aria-labelledby="devis-acceptation">
      <h2 id="devis-acceptation">Accepter ce devis</h2>
      {preview.refusal ? (
        <p className="form-error" role="alert">
          {preview.refusal}
        </p>
      ) : (
        <>
          <p>
            Total à la commande aujourd’hui : {formatPrice(preview.totalCents)} (devis : {formatPrice(quote.totalCents)}
            , écart {signedPrice(preview.differenceCents)}).
          </p>
          {preview.changes.length > 0 && (
            <>
              <p>{repricingNote(preview.differenceCents)}</p>
              <ul>
                {preview.changes.map((change) => (
                  <li key={change.ean}>
                    {change.title} : prix éditeur {formatPrice(change.quotedPublisherPriceCents)} au devis,{' '}
                    {formatPrice(change.publisherPriceCents)} aujourd’hui
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
