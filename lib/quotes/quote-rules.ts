// Quotes (devis) for customer organisations (docs/decisions/030-quotes.md): their number, how long
// they hold, and how an accepted quote is priced. Pure.
//
// The price of a book is the price the publisher sets, in force on the day of sale (loi n° 81-766
// du 10 août 1981, art. 1: « Toute personne […] qui édite ou importe des livres est tenue de fixer,
// pour les livres qu'elle édite ou importe, un prix de vente au public »): a quote cannot hold a
// publisher's price. What it holds is the shop's part of the offer: the discount (still
// capped by the law for that organisation on the day of acceptance) and the delivery fees.
import { formatPrice } from '@/lib/core/money';
import { failure, type Failure } from '@/lib/core/result';
import { addCalendarDays, isoDay, toParisDay } from '@/lib/availability/paris-calendar';
import type { OrganisationKind } from '@/lib/pricing/organisation-pricing';
import { onAccountCustomerKind, organisationLineInput } from '@/lib/pricing/organisation-order';
import type { DeliveryMethod, OrderInput } from '@/lib/pricing/schemas';

/**
 * How long a quote may be accepted, in calendar days from its day. No text sets it for a quote
 * between businesses (it is the offer's own term, Code civil art. 1116-1117): 30 days, the usual
 * term of the trade, printed on every quote.
 */
export const QUOTE_VALIDITY_DAYS = 30;

/** "D2026-000012": the year and the place in that year's sequence of quotes. */
export function quoteNumber(year: number, sequence: number): string {
  return `D${year}-${String(sequence).padStart(6, '0')}`;
}

/** The last day (Paris calendar, "YYYY-MM-DD") a quote made at `issuedAt` may be accepted. */
export function quoteValidUntil(issuedAt: Date, validityDays: number = QUOTE_VALIDITY_DAYS): string {
  return isoDay(addCalendarDays(toParisDay(issuedAt).day, validityDays));
}

/** Expired once the last day of validity is over in Paris. */
export function isQuoteExpired(validUntil: string, now: Date): boolean {
  return isoDay(toParisDay(now).day) > validUntil;
}

/** "2027-01-07" → « Devis valable jusqu'au 07/01/2027 ». */
export function validityLine(validUntil: string): string {
  const [year, month, day] = validUntil.split('-');
  return `Devis valable jusqu’au ${day}/${month}/${year}`;
}

export type QuoteAcceptanceRefusal = Failure<'QUOTE_EXPIRED' | 'QUOTE_ALREADY_ACCEPTED'>;

/** Why this quote cannot be accepted now, or null. */
export function acceptanceRefusal(
  quote: { number: string; status: 'open' | 'accepted'; validUntil: string },
  now: Date,
): QuoteAcceptanceRefusal | null {
  if (quote.status === 'accepted') {
    return failure('QUOTE_ALREADY_ACCEPTED', `Le devis ${quote.number} a déjà été accepté : sa commande existe déjà.`);
  }
  if (isQuoteExpired(quote.validUntil, now)) {
    const [year, month, day] = quote.validUntil.split('-');
    return failure(
      'QUOTE_EXPIRED',
      `Le devis ${quote.number} a expiré le ${day}/${month}/${year} : il ne peut plus être accepté. Demandez un nouveau devis depuis votre panier.`,
    );
  }
  return null;
}

export type QuotedBookLine = {
  ean: string;
  title: string;
  quantity: number;
  /** The discount the quote gave this line, basis points. */
  quotedDiscountBasisPoints: number;
  /** Book.publisherPriceCents on the day of acceptance. */
  publisherPriceCents: number;
  vatRateBasisPoints: number;
  /** Book.schoolbook on the day of acceptance. */
  schoolbook: boolean;
};

/**
 * priceOrder's input for an accepted quote: the publisher's price of the day, the quote's discount
 * capped by the law for this organisation as it is today (loi n° 81-766, art. 1 and 3), by the
 * same line rule as an order on account.
 */
export function acceptedQuoteInput(
  kind: OrganisationKind,
  lines: readonly QuotedBookLine[],
  deliveryMethod: DeliveryMethod,
): { ok: true; input: OrderInput } | Failure<'RESELLER_NOT_ON_ACCOUNT'> {
  const customerKind = onAccountCustomerKind(kind);
  if (!customerKind.ok) return customerKind;
  return {
    ok: true,
    input: {
      customerKind: customerKind.customerKind,
      deliveryMethod,
      lines: lines.map((line) => organisationLineInput(kind, line, line.quotedDiscountBasisPoints)),
    },
  };
}

export type PriceChange = {
  ean: string;
  title: string;
  quotedPublisherPriceCents: number;
  publisherPriceCents: number;
};

export type Repricing = {
  /** The order's total minus the quote's (incl. VAT): positive when prices rose. */
  differenceCents: number;
  /** The books whose publisher's price changed since the quote. */
  changes: PriceChange[];
};

/** What changed between the quote and its order priced today. */
export function repricing(
  quote: { totalCents: number; lines: readonly { ean: string; title: string; publisherPriceCents: number }[] },
  today: { totalCents: number; publisherPriceByEan: ReadonlyMap<string, number> },
): Repricing {
  const changes = quote.lines.flatMap((line) => {
    const price = today.publisherPriceByEan.get(line.ean);
    return price === undefined || price === line.publisherPriceCents
      ? []
      : [
          {
            ean: line.ean,
            title: line.title,
            quotedPublisherPriceCents: line.publisherPriceCents,
            publisherPriceCents: price,
          },
        ];
  });
  return { differenceCents: today.totalCents - quote.totalCents, changes };
}

/** « +1,20 € » / « −0,50 € » / « 0,00 € ». */
export function signedPrice(cents: number): string {
  if (cents === 0) return formatPrice(0);
  return `${cents > 0 ? '+' : '−'}${formatPrice(Math.abs(cents))}`;
}

/**
 * What the acceptance page and the order say of the difference: null when nothing changed.
 * « Prix éditeur modifié depuis le devis : total +1,20 € (le prix du livre est celui du jour de la
 * vente, loi n° 81-766, art. 1) ».
 */
export function repricingNote(differenceCents: number): string | null {
  if (differenceCents === 0) return null;
  return `Prix éditeur modifié depuis le devis : total ${signedPrice(differenceCents)} (le prix du livre est celui du jour de la vente, loi n° 81-766, art. 1).`;
}
