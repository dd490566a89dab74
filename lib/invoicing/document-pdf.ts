import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { buyerLines, LINE_HEADINGS, lineCells, sellerLines, vatCells } from './invoice-text';
import type { BuyerSnapshot, InvoiceLine, SellerSnapshot, VatRow } from './invoice-document';

// The PDF of a priced document the shop hands to a customer (an invoice, a credit note, a quote):
// a title, the seller and the buyer side by side, references, the lines, the VAT per rate, the
// total and closing paragraphs. pdf-lib: pure JavaScript, no binary to download, and it can
// attach a file to the document, which a Factur-X invoice (PDF/A-3 with its embedded XML,
// lib/invoicing/factur-x.ts) needs. PDF/A wants every font embedded: given the fonts' bytes
// (DejaVu Sans, lib/data/invoicing/e-invoice-files.ts), the PDF embeds a subset of them; without,
// it uses the standard Helvetica, which is not embedded. Pure (no I/O).

export type DocumentFonts = { regular: Uint8Array; bold: Uint8Array };

export type PrintedDocument = {
  title: string;
  author: string;
  createdAt: Date;
  /** Under the title: the date, a quote's validity. */
  headerLines: string[];
  seller: SellerSnapshot;
  buyer: BuyerSnapshot;
  /** Above the lines: purchase-order and engagement numbers. */
  references: string[];
  lines: InvoiceLine[];
  vat: VatRow[];
  totalLine: string;
  /** Paragraphs after the total (payment terms, a quote's conditions), wrapped to the page. */
  closing: string[];
};

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

async function embedFonts(pdf: PDFDocument, fonts: DocumentFonts | undefined) {
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

export async function renderDocumentPdf(document: PrintedDocument, fonts?: DocumentFonts): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(document.title);
  pdf.setAuthor(document.author);
  pdf.setLanguage('fr-FR');
  pdf.setCreationDate(document.createdAt);
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

  write(document.title, MARGIN, bold, 16);
  nextLine(22);
  for (const line of document.headerLines) {
    write(line, MARGIN);
    nextLine();
  }
  nextLine(7);
  const top = y;
  for (const line of sellerLines(document.seller)) {
    write(line, MARGIN, line === document.seller.legalName ? bold : regular);
    nextLine();
  }
  const sellerBottom = y;
  y = top;
  write('Client', 330, bold);
  nextLine();
  for (const line of buyerLines(document.buyer)) {
    write(line, 330);
    nextLine();
  }
  y = Math.min(y, sellerBottom) - 14;
  for (const line of document.references) {
    write(line, MARGIN);
    nextLine();
  }
  if (document.references.length > 0) nextLine(6);

  LINE_HEADINGS.forEach((heading, index) => write(heading, COLUMNS[index] ?? MARGIN, bold));
  nextLine(16);
  for (const line of document.lines) {
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
  for (const row of document.vat) {
    const [label, base, vat, incl] = vatCells(row);
    write(`${label} : base HT ${base}, TVA ${vat}, TTC ${incl}`, MARGIN);
    nextLine();
  }
  nextLine(6);
  write(document.totalLine, MARGIN, bold, 11);
  if (document.closing.length > 0) {
    nextLine(18);
    for (const text of document.closing) {
      for (const part of wrap(text, regular, SIZE, A4.width - 2 * MARGIN)) {
        write(part, MARGIN);
        nextLine();
      }
    }
  }
  return pdf.save();
}
