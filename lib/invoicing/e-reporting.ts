import type { VatRow } from './invoice-document';

// The e-reporting of sales to consumers (B2C): what an approved platform will pass on to the tax
// administration for the sales that give no e-invoice. CGI art. 290, I and II (transaction data of
// the supplies to non-taxable persons), art. 290 A (payment data, for services taxed on receipt:
// none here, books are goods); the data listed by CGI annexe II art. 242 nonies M (décret
// n° 2022-1299 du 7 octobre 2022): the seller's VAT number, the date, the category of transaction
// (« livraisons de biens soumises à la TVA », TLB1 in the administration's flow 10.3), per rate the
// total excluding VAT and the VAT, the currency, and the number of transactions of the day. The
// calendar (loi n° 2023-1322 de finances pour 2024, art. 91): every company receives e-invoices from
// 1 September 2026; large and mid-sized companies issue them and e-report from that date, small and
// medium ones from 1 September 2027. Pure.

export type ReportedDocument = {
  kind: 'invoice' | 'credit_note';
  vat: VatRow[];
};

export type ConsumerSalesReport = {
  /** The Paris calendar day, YYYY-MM-DD. */
  day: string;
  sellerVatNumber: string;
  currency: 'EUR';
  /** Goods subject to VAT (books and their delivery, which follows them). */
  category: 'TLB1';
  /** The invoices of the day (art. 242 nonies M, 9°: the number of transactions); its credit notes are counted apart. */
  transactions: number;
  creditNotes: number;
  rates: { rateBasisPoints: number; baseExclVatCents: number; vatCents: number }[];
};

/** A day's sales to consumers per VAT rate: invoices add, credit notes subtract. */
export function consumerSalesReport(
  day: string,
  sellerVatNumber: string,
  documents: ReportedDocument[],
): ConsumerSalesReport {
  const byRate = new Map<number, { baseExclVatCents: number; vatCents: number }>();
  for (const document of documents) {
    const sign = document.kind === 'invoice' ? 1 : -1;
    for (const row of document.vat) {
      const total = byRate.get(row.rateBasisPoints) ?? { baseExclVatCents: 0, vatCents: 0 };
      total.baseExclVatCents += sign * row.baseExclVatCents;
      total.vatCents += sign * row.vatCents;
      byRate.set(row.rateBasisPoints, total);
    }
  }
  return {
    day,
    sellerVatNumber,
    currency: 'EUR',
    category: 'TLB1',
    transactions: documents.filter((document) => document.kind === 'invoice').length,
    creditNotes: documents.filter((document) => document.kind === 'credit_note').length,
    rates: [...byRate.entries()]
      .sort(([a], [b]) => a - b)
      .map(([rateBasisPoints, total]) => ({ rateBasisPoints, ...total })),
  };
}
