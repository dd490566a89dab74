import { formatDateShort } from '@/lib/core/date';
import { formatPrice } from '@/lib/core/money';
import { formatRate } from '@/lib/core/rate';
import type { BuyerSnapshot, InvoiceLine, SellerSnapshot, VatRow } from './invoice-document';
import type { PaymentTermsSnapshot } from './payment-terms';

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
  /** An invoice payable by transfer (an order on account); null when paid at the order. */
  paymentTerms: PaymentTermsSnapshot | null;
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

/** « prix éditeur 25,00 €, remise 9 % (−2,25 € l’exemplaire) » under a discounted line's designation. */
export function discountNote(line: InvoiceLine): string | null {
  if (!line.discount) return null;
  const { publisherPriceCents, basisPoints, unitDiscountCents } = line.discount;
  return `prix éditeur ${formatPrice(publisherPriceCents)}, remise ${formatRate(basisPoints)} (−${formatPrice(unitDiscountCents)} l’exemplaire)`;
}

export function lineCells(line: InvoiceLine): string[] {
  const note = discountNote(line);
  return [
    note ? `${line.designation} — ${note}` : line.designation,
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

export function totalLine(invoice: Pick<InvoiceForPrint, 'kind' | 'totalCents' | 'paymentTerms'>): string {
  const label =
    invoice.kind === 'credit_note'
      ? 'Total TTC remboursé'
      : invoice.paymentTerms
        ? 'Total TTC à payer'
        : 'Total TTC payé';
  return `${label} : ${formatPrice(invoice.totalCents)}`;
}

/** The buyer's block: name, address, and an organisation's SIRET and VAT number. */
export function buyerLines(buyer: BuyerSnapshot): string[] {
  return [
    buyer.name,
    ...buyer.addressLines,
    ...(buyer.siret ? [`SIRET ${buyer.siret}`] : []),
    ...(buyer.vatNumber ? [`TVA intracommunautaire ${buyer.vatNumber}`] : []),
  ];
}

/** The buyer's references: purchase order and Chorus Pro engagement number. */
export function referenceLines(terms: PaymentTermsSnapshot | null): string[] {
  if (!terms) return [];
  return [
    ...(terms.purchaseOrderNumber ? [`Bon de commande n° ${terms.purchaseOrderNumber}`] : []),
    ...(terms.engagementNumber ? [`Numéro d’engagement ${terms.engagementNumber}`] : []),
  ];
}

export function issuedLine(invoice: Pick<InvoiceForPrint, 'issuedAt'>): string {
  return `Date d’émission : ${formatDateShort(invoice.issuedAt)}`;
}
