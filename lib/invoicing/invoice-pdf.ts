import { renderDocumentPdf, type DocumentFonts } from './document-pdf';
import { paymentTermsLines } from './payment-terms';
import { invoiceTitle, issuedLine, referenceLines, totalLine, type InvoiceForPrint } from './invoice-text';

// The PDF of an invoice or a credit note, with the words of the printable page (invoice-text.ts)
// laid out by the shared document renderer (document-pdf.ts). Pure (no I/O).

/** The fonts to embed (PDF/A-3); without them, the standard Helvetica. */
export type InvoiceFonts = DocumentFonts;

export async function renderInvoicePdf(invoice: InvoiceForPrint, fonts?: InvoiceFonts): Promise<Uint8Array> {
  return renderDocumentPdf(
    {
      title: invoiceTitle(invoice),
      author: invoice.seller.legalName,
      createdAt: invoice.issuedAt,
      headerLines: [issuedLine(invoice)],
      seller: invoice.seller,
      buyer: invoice.buyer,
      references: referenceLines(invoice.paymentTerms),
      lines: invoice.lines,
      vat: invoice.vat,
      totalLine: totalLine(invoice),
      closing: invoice.paymentTerms ? paymentTermsLines(invoice.paymentTerms) : [],
    },
    fonts,
  );
}
