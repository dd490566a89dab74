import { z } from 'zod';
import { formatDateShort } from '@/lib/core/date';
import { formatPrice } from '@/lib/core/money';
import { renderDocumentPdf } from '@/lib/invoicing/document-pdf';
import type { BuyerSnapshot, InvoiceLine, SellerSnapshot, VatRow } from '@/lib/invoicing/invoice-document';
import { validityLine } from './quote-rules';

// What a quote says, written once for its page and its PDF so both say the same to the cent: the
// seller and the buyer, the number, the date, the last day of validity, the lines with their
// discount, the VAT per rate and the total, as an invoice prints them (lib/invoicing). Pure.

export type QuoteForPrint = {
  number: string;
  issuedAt: Date;
  /** "YYYY-MM-DD", Paris calendar. */
  validUntil: string;
  seller: SellerSnapshot;
  buyer: BuyerSnapshot;
  lines: InvoiceLine[];
  vat: VatRow[];
  totalCents: number;
  /** The organisation's terms of payment when the quote was made. */
  paymentTermDays: number;
};

export const QuoteIdSchema = z.coerce.number().int().positive().max(2_147_483_647);

export const quoteTitle = (quote: Pick<QuoteForPrint, 'number'>) => `Devis ${quote.number}`;

export function quoteHeaderLines(quote: Pick<QuoteForPrint, 'issuedAt' | 'validUntil'>): string[] {
  return [`Date du devis : ${formatDateShort(quote.issuedAt)}`, validityLine(quote.validUntil)];
}

export const quoteTotalLine = (quote: Pick<QuoteForPrint, 'totalCents'>) =>
  `Total TTC du devis : ${formatPrice(quote.totalCents)}`;

/** The conditions printed under the total. */
export function quoteConditions(quote: Pick<QuoteForPrint, 'paymentTermDays'>): string[] {
  return [
    'Prix des livres : le prix fixé par l’éditeur en vigueur le jour de l’acceptation, qui fait la vente (loi n° 81-766 du 10 août 1981, art. 1) ; la remise et les frais de livraison du devis sont maintenus.',
    `Acceptation en ligne depuis votre compte, ou auprès de la librairie avec votre numéro de bon de commande. Commande livrée et facturée, payable par virement à ${quote.paymentTermDays} jours de la facture.`,
  ];
}

export async function renderQuotePdf(quote: QuoteForPrint): Promise<Uint8Array> {
  return renderDocumentPdf({
    title: quoteTitle(quote),
    author: quote.seller.legalName,
    createdAt: quote.issuedAt,
    headerLines: quoteHeaderLines(quote),
    seller: quote.seller,
    buyer: quote.buyer,
    references: [],
    lines: quote.lines,
    vat: quote.vat,
    totalLine: quoteTotalLine(quote),
    closing: quoteConditions(quote),
  });
}
