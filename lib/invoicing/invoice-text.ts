import { formatDateShort } from '@/lib/core/date';
import { formatPrice } from '@/lib/core/money';
import { formatRate } from '@/lib/core/rate';
import type { BuyerSnapshot, InvoiceLine, SellerSnapshot, VatRow } from './invoice-document';

// The words of an invoice or a credit note, written once for the printable page and the PDF, so
// that both say the same thing to the cent. Pure.

export type InvoiceForPrint = {
  number: string;
  kind: 'invoice' | 'credit_note';
  issuedAt: Date;
  creditedNumber: string | null;
  seller: SellerSnapshot;
  buyer: BuyerSnapshot;
  lines: InvoiceLine[];
  vat: VatRow[];
  totalCents: number;
};

export function invoiceTitle(invoice: Pick<InvoiceForPrint, 'kind' | 'number' | 'creditedNumber'>): string {
  return invoice.kind === 'invoice'
    ? `Facture ${invoice.number}`
    : `Avoir ${invoice.number} sur la facture ${invoice.creditedNumber ?? ''}`;
}

export function sellerLines(seller: SellerSnapshot): string[] {
  return [
    seller.legalName,
    [
      seller.legalForm,
      seller.shareCapitalCents === null ? null : `au capital de ${formatPrice(seller.shareCapitalCents)}`,
    ]
      .filter(Boolean)
      .join(' '),
    seller.address,
    `${seller.registration} — SIRET ${seller.siret}`,
    `TVA intracommunautaire ${seller.vatNumber}`,
    `${seller.email} — ${seller.phone}`,
  ].filter((line) => line.trim() !== '');
}

export const LINE_HEADINGS = ['Désignation', 'Quantité', 'Prix unitaire TTC', 'TVA', 'Total HT', 'Total TTC'] as const;

export function lineCells(line: InvoiceLine): string[] {
  return [
    line.designation,
    String(line.quantity),
    line.unitPriceInclVatCents === null ? '' : formatPrice(line.unitPriceInclVatCents),
    formatRate(line.vatRateBasisPoints),
    formatPrice(line.totalExclVatCents),
    formatPrice(line.totalInclVatCents),
  ];
}

export function vatCells(row: VatRow): string[] {
  return [
    `TVA ${formatRate(row.rateBasisPoints)}`,
    formatPrice(row.baseExclVatCents),
    formatPrice(row.vatCents),
    formatPrice(row.inclVatCents),
  ];
}

export function totalLine(invoice: Pick<InvoiceForPrint, 'kind' | 'totalCents'>): string {
  return `${invoice.kind === 'invoice' ? 'Total TTC payé' : 'Total TTC remboursé'} : ${formatPrice(invoice.totalCents)}`;
}

export function issuedLine(invoice: Pick<InvoiceForPrint, 'issuedAt'>): string {
  return `Date d’émission : ${formatDateShort(invoice.issuedAt)}`;
}
