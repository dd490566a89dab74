import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { paymentTermsLines } from './payment-terms';
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
} from './invoice-text';

// The PDF of an invoice or a credit note, with the words of the printable page (invoice-text.ts).
// pdf-lib: pure JavaScript, no binary to download, and it can attach a file to the document, which
// is what a Factur-X invoice (PDF/A-3 with its embedded XML, lib/invoicing/factur-x.ts) needs.
// PDF/A wants every font embedded: given the fonts' bytes (DejaVu Sans, lib/data/invoicing/
// e-invoice-files.ts), the PDF embeds a subset of them; without, it uses the standard Helvetica,
// which is not embedded. Pure (no I/O).

export type InvoiceFonts = { regular: Uint8Array; bold: Uint8Array };

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const SIZE = 9;
const COLUMNS = [MARGIN, 290, 335, 405, 450, 505];

/**
 * Helvetica's WinAnsi has no narrow no-break space (fr-FR's thousands separator) nor minus sign
 * (a discount's « −1,80 € »): a no-break space and a hyphen.
 */
function winAnsi(text: string): string {
  return text.replace(/\u202f/g, '\u00a0').replace(/\u2212/g, '-');
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(winAnsi(candidate), size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

async function embedFonts(pdf: PDFDocument, fonts: InvoiceFonts | undefined) {
  if (!fonts)
    return {
      regular: await pdf.embedFont(StandardFonts.Helvetica),
      bold: await pdf.embedFont(StandardFonts.HelveticaBold),
    };
  pdf.registerFontkit(fontkit);
  return {
    regular: await pdf.embedFont(fonts.regular, { subset: true }),
    bold: await pdf.embedFont(fonts.bold, { subset: true }),
  };
}

export async function renderInvoicePdf(invoice: InvoiceForPrint, fonts?: InvoiceFonts): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const title = invoiceTitle(invoice);
  pdf.setTitle(title);
  pdf.setAuthor(invoice.seller.legalName);
  pdf.setLanguage('fr-FR');
  pdf.setCreationDate(invoice.issuedAt);
  const { regular, bold } = await embedFonts(pdf, fonts);
  let page: PDFPage = pdf.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  const write = (text: string, x: number, font = regular, size = SIZE) =>
    page.drawText(winAnsi(text), { x, y, size, font });
  const nextLine = (height = SIZE + 4) => {
    y -= height;
    if (y < MARGIN) {
      page = pdf.addPage([A4.width, A4.height]);
      y = A4.height - MARGIN;
    }
  };

  write(title, MARGIN, bold, 16);
  nextLine(22);
  write(issuedLine(invoice), MARGIN);
  nextLine(20);
  const top = y;
  for (const line of sellerLines(invoice.seller)) {
    write(line, MARGIN, line === invoice.seller.legalName ? bold : regular);
    nextLine();
  }
  const sellerBottom = y;
  y = top;
  write('Client', 330, bold);
  nextLine();
  for (const line of buyerLines(invoice.buyer)) {
    write(line, 330);
    nextLine();
  }
  y = Math.min(y, sellerBottom) - 14;
  const references = referenceLines(invoice.paymentTerms);
  for (const line of references) {
    write(line, MARGIN);
    nextLine();
  }
  if (references.length > 0) nextLine(6);

  LINE_HEADINGS.forEach((heading, index) => write(heading, COLUMNS[index] ?? MARGIN, bold));
  nextLine(16);
  for (const line of invoice.lines) {
    const cells = lineCells(line);
    const designation = wrap(cells[0] ?? '', regular, SIZE, (COLUMNS[1] ?? 0) - MARGIN - 8);
    cells.slice(1).forEach((cell, index) => write(cell, COLUMNS[index + 1] ?? MARGIN));
    for (const part of designation) {
      write(part, MARGIN);
      nextLine();
    }
    nextLine(4);
  }
  nextLine(6);
  for (const row of invoice.vat) {
    const [label, base, vat, incl] = vatCells(row);
    write(`${label} : base HT ${base}, TVA ${vat}, TTC ${incl}`, MARGIN);
    nextLine();
  }
  nextLine(6);
  write(totalLine(invoice), MARGIN, bold, 11);
  if (invoice.paymentTerms) {
    nextLine(18);
    for (const text of paymentTermsLines(invoice.paymentTerms)) {
      for (const part of wrap(text, regular, SIZE, A4.width - 2 * MARGIN)) {
        write(part, MARGIN);
        nextLine();
      }
    }
  }
  return pdf.save();
}
