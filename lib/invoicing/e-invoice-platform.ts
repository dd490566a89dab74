import type { ConsumerSalesReport } from './e-reporting';

// The approved e-invoicing platform (plateforme agréée, CGI art. 289 bis): the business invoices
// are handed to it, it delivers them to the buyer's platform and passes their data to the tax
// administration, and it takes the e-reporting of sales to consumers (CGI art. 290). No platform
// is reachable from here: lib/data/invoicing/e-invoice-platform.ts writes both to a folder, and a
// connected platform will be another implementation of this interface.

export type HandedInvoice = {
  number: string;
  kind: 'invoice' | 'credit_note';
  /** The Factur-X file (PDF/A-3 with its CII XML). */
  facturX: Uint8Array;
  buyerSiret: string;
};

export interface EInvoicePlatform {
  /** A name recorded with each handover ("file"). */
  readonly name: string;
  /** Hands one invoice over; the same invoice twice must give the same reference. */
  submitInvoice(invoice: HandedInvoice): Promise<{ reference: string }>;
  /** Hands one day's summary of sales to consumers over. */
  submitConsumerSales(report: ConsumerSalesReport): Promise<{ reference: string }>;
}

/** Owed to the platform: an invoice or credit note to a business that is not a public buyer (Chorus Pro's). */
export function isHandedToPlatform(buyer: { siret?: string; publicBuyer?: boolean }): boolean {
  return !!buyer.siret && buyer.publicBuyer !== true;
}
