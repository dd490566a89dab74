import { paymentTermsLines } from '@/lib/invoicing/payment-terms';
import {
  buyerLines,
  invoiceTitle,
  issuedLine,
  LINE_HEADINGS,
  lineCells,
  referenceLines,
  sellerLines,
  totalLine,
  vatCells,
  type InvoiceForPrint,
} from '@/lib/invoicing/invoice-text';
import { hasUbl } from '@/lib/invoicing/e-invoice';

/**
 * An invoice or a credit note as issued and stored (lib/data/invoicing/invoices.ts): the seller
 * as at the sale, the buyer, each line excluding and including VAT, VAT per rate, the total
 * (CGI art. 242 nonies A). The same words as its PDF (lib/invoicing/invoice-text.ts).
 */
export function InvoiceDocument({ invoice, pdfUrl }: { invoice: InvoiceForPrint; pdfUrl: string }) {
  const title = invoiceTitle(invoice);
  const [sellerName, ...sellerRest] = sellerLines(invoice.seller);
  const [buyerName, ...buyerRest] = buyerLines(invoice.buyer);
  const references = referenceLines(invoice.paymentTerms);
  return (
    <article className="invoice" aria-labelledby={`titre-${invoice.number}`}>
      <h2 id={`titre-${invoice.number}`}>{title}</h2>
      <p>{issuedLine(invoice)}</p>
      <div className="invoice-parties">
        <p>
          <strong>{sellerName}</strong>
          {sellerRest.map((line) => (
            <span key={line}>
              <br />
              {line}
            </span>
          ))}
        </p>
        <p>
          <strong>Client</strong>
          <br />
          {buyerName}
          {buyerRest.map((line) => (
            <span key={line}>
              <br />
              {line}
            </span>
          ))}
        </p>
      </div>
      {references.length > 0 && (
        <p>
          {references.map((line, index) => (
            <span key={line}>
              {index > 0 && <br />}
              {line}
            </span>
          ))}
        </p>
      )}
      <table className="spec-table">
        <caption>Détail</caption>
        <thead>
          <tr>
            {LINE_HEADINGS.map((heading) => (
              <th scope="col" key={heading}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((line, index) => (
            <tr key={`${index}-${line.designation}`}>
              {lineCells(line).map((cell, cellIndex) => (
                <td key={cellIndex}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <table className="spec-table">
        <caption>TVA par taux</caption>
        <thead>
          <tr>
            <th scope="col">Taux</th>
            <th scope="col">Base HT</th>
            <th scope="col">TVA</th>
            <th scope="col">TTC</th>
          </tr>
        </thead>
        <tbody>
          {invoice.vat.map((row) => {
            const [label, ...cells] = vatCells(row);
            return (
              <tr key={row.rateBasisPoints}>
                <th scope="row">{label}</th>
                {cells.map((cell, index) => (
                  <td key={index}>{cell}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
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
