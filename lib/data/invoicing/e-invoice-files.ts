import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { hasUbl } from '@/lib/invoicing/e-invoice';
import { renderFacturX, renderUbl } from '@/lib/invoicing/factur-x';
import type { EInvoiceSource } from '@/lib/invoicing/e-invoice';
import { renderInvoicePdf, type InvoiceFonts } from '@/lib/invoicing/invoice-pdf';

// The files an invoice is downloaded as: the PDF, its Factur-X (the PDF/A-3 with its CII XML) and
// its UBL. The PDF's font is DejaVu Sans (the dejavu-fonts-ttf package, free licence), embedded:
// PDF/A forbids a font that is not (docs/decisions/031-e-invoices.md).

export const INVOICE_FILE_FORMATS = ['pdf', 'factur-x', 'ubl'] as const;
export type InvoiceFileFormat = (typeof INVOICE_FILE_FORMATS)[number];

export function parseInvoiceFileFormat(value: string | null): InvoiceFileFormat | null {
  if (value === null || value === '') return 'pdf';
  return (INVOICE_FILE_FORMATS as readonly string[]).includes(value) ? (value as InvoiceFileFormat) : null;
}

let fonts: Promise<InvoiceFonts> | undefined;
export function invoiceFonts(): Promise<InvoiceFonts> {
  const folder = path.join(process.cwd(), 'node_modules/dejavu-fonts-ttf/ttf');
  fonts ??= Promise.all([
    readFile(path.join(folder, 'DejaVuSans.ttf')),
    readFile(path.join(folder, 'DejaVuSans-Bold.ttf')),
  ]).then(([regular, bold]) => ({ regular, bold }));
  return fonts;
}

export type InvoiceFile = { body: Uint8Array; contentType: string; fileName: string };

/** The file, or null for a UBL of an invoice to a reader (UBL is between businesses: lib/invoicing/factur-x.ts). */
export async function invoiceFile(invoice: EInvoiceSource, format: InvoiceFileFormat): Promise<InvoiceFile | null> {
  switch (format) {
    case 'pdf':
      return {
        body: await renderInvoicePdf(invoice, await invoiceFonts()),
        contentType: 'application/pdf',
        fileName: `${invoice.number}.pdf`,
      };
    case 'factur-x':
      return {
        body: await renderFacturX(invoice, await invoiceFonts()),
        contentType: 'application/pdf',
        fileName: `${invoice.number}-factur-x.pdf`,
      };
    case 'ubl':
      if (!hasUbl(invoice)) return null;
      return {
        body: new TextEncoder().encode(await renderUbl(invoice)),
        contentType: 'application/xml; charset=utf-8',
        fileName: `${invoice.number}-ubl.xml`,
      };
  }
}

/** The HTTP answer of an invoice file: a download, never stored by a cache. */
export function invoiceFileResponse(file: InvoiceFile): Response {
  return new Response(Buffer.from(file.body), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
