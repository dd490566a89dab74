import { extractBaseExclVat } from '@/lib/pricing/vat';
import { mulDivRoundHalfUp } from '@/lib/pricing/integer-math';
import { BASIS_POINTS_PER_UNIT } from '@/lib/pricing/legal';
import { LENDING_RIGHT_BASIS_POINTS } from '@/lib/pricing/organisation-pricing';

// The public lending right (droit de prêt en bibliothèque, loi n° 2003-517): the supplier of books
// bought by a library open to the public for lending pays SOFIA 6 % of their public price excluding
// VAT, and declares those sales once a year, invoice by invoice (Code de la propriété intellectuelle
// L133-3 and R133-1 ff.; décret n° 2004-920). Only books count: what bears the books' 5.5 % VAT
// (CGI art. 278-0 bis, A), not the delivery fee. A credit note takes its copies back. Pure.

export const BOOK_VAT_BASIS_POINTS = 550;

export type LendingRightDocument = {
  number: string;
  kind: 'invoice' | 'credit_note';
  issuedAt: Date;
  library: { name: string; siret: string; postalCode: string; city: string };
  /** As printed on the document, always positive (a credit note's too). */
  totalInclVatCents: number;
  totalExclVatCents: number;
  /** The copies it invoices or takes back, at the publisher's price incl. VAT. */
  books: { quantity: number; publisherPriceCents: number; vatRateBasisPoints: number }[];
};

export type LendingRightRow = Omit<LendingRightDocument, 'books'> & {
  /** Negative on a credit note, like the amounts below. */
  copies: number;
  publicPriceExclVatCents: number;
  invoicedInclVatCents: number;
  invoicedExclVatCents: number;
  dueCents: number;
};

function percentOf(cents: number, basisPoints: number): number {
  const due = mulDivRoundHalfUp(Math.abs(cents), basisPoints, BASIS_POINTS_PER_UNIT);
  return cents < 0 ? -due : due;
}

/** One line of the declaration: the document's books at their public price excl. VAT, and the 6 %. */
export function lendingRightRow(document: LendingRightDocument): LendingRightRow {
  const { books, ...rest } = document;
  const sign = document.kind === 'credit_note' ? -1 : 1;
  const bookLines = books.filter((book) => book.vatRateBasisPoints === BOOK_VAT_BASIS_POINTS && book.quantity > 0);
  const publicInclVat = bookLines.reduce((sum, book) => sum + book.quantity * book.publisherPriceCents, 0);
  const publicPriceExclVatCents = sign * extractBaseExclVat(publicInclVat, BOOK_VAT_BASIS_POINTS);
  return {
    ...rest,
    copies: sign * bookLines.reduce((sum, book) => sum + book.quantity, 0),
    publicPriceExclVatCents,
    invoicedInclVatCents: sign * document.totalInclVatCents,
    invoicedExclVatCents: sign * document.totalExclVatCents,
    dueCents: percentOf(publicPriceExclVatCents, LENDING_RIGHT_BASIS_POINTS),
  };
}

/** The year's totals; the amount due is 6 % of the year's base, as SOFIA bills it, not a sum of rounded rows. */
export function lendingRightTotals(rows: readonly LendingRightRow[]) {
  const sum = (pick: (row: LendingRightRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const publicPriceExclVatCents = sum((row) => row.publicPriceExclVatCents);
  return {
    documents: rows.length,
    copies: sum((row) => row.copies),
    publicPriceExclVatCents,
    invoicedInclVatCents: sum((row) => row.invoicedInclVatCents),
    invoicedExclVatCents: sum((row) => row.invoicedExclVatCents),
    dueCents: percentOf(publicPriceExclVatCents, LENDING_RIGHT_BASIS_POINTS),
  };
}
