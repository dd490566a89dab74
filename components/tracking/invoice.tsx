import { paymentTermsLines } from '@/lib/invoicing/payment-terms';
import {
  invoiceTitle,
  issuedLine,
  referenceLines,
  totalLine,
  type InvoiceForPrint,
} from '@/lib/invoicing/invoice-text';
import { DocumentParties, DocumentTables, LineBreaks } from '@/components/documents/document-parts';
import { hasUbl } from '@/lib/invoicing/e-invoice';

/**
 * An invoice or a credit note as issued and stored (lib/data/invoicing/invoices.ts): the seller
 * as at the sale, the buyer, each line excluding and including VAT, VAT per rate, the total
 * (CGI art. 242 nonies A). The same words as its PDF (lib/invoicing/invoice-text.ts).
 */
export function InvoiceDocument({ invoice, pdfUrl }: { invoice: InvoiceForPrint; pdfUrl: string }) {
  const title = invoiceTitle(invoice);
  const references = referenceLines(invoice.paymentTerms);
  return (
    <article className="invoice" aria-labelledby={`titre-${invoice.number}`}>
      <h2 id={`titre-${invoice.number}`}>{title}</h2>
      <p>{issuedLine(invoice)}</p>
      <DocumentParties seller={invoice.seller} buyer={invoice.buyer} />
      {references.length > 0 && (
        <p>
          <LineBreaks lines={references} />
        </p>
      )}
      <DocumentTables lines={invoice.lines} vat={invoice.vat} />
      <p>
        <strong>{totalLine(invoice)}</strong>
      </p>
      {invoice.paymentTerms && (
        <section aria-label="Conditions de règlement">
          {paymentTermsLines(invoice.paymentTerms).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </section>
      )}
      <p>
        <a href={pdfUrl} download>
          Télécharger {invoice.kind === 'invoice' ? 'la facture' : 'l’avoir'} {invoice.number} (PDF)
        </a>
        {' — facture électronique : '}
        <a href={`${pdfUrl}&format=factur-x`} aria-label={`${title} au format Factur-X`} download>
          Factur-X
        </a>
        {hasUbl(invoice) && (
          <>
            {', '}
            <a href={`${pdfUrl}&format=ubl`} aria-label={`${title} au format UBL`} download>
              UBL
            </a>
          </>
        )}
      </p>
    </article>
  );
}
