import 'server-only';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { toParisDay } from '@/lib/availability/paris-calendar';
import { failure, type Result } from '@/lib/core/result';
import {
  BuyerSnapshotSchema,
  invoiceBody,
  InvoiceLineSchema,
  SellerSnapshotSchema,
  sellerSnapshot,
  VatRowSchema,
} from '@/lib/invoicing/invoice-document';
import type { PricedOrder } from '@/lib/pricing';
import { quoteNumber, quoteValidUntil } from '@/lib/quotes/quote-rules';
import type { QuoteForPrint } from '@/lib/quotes/quote-document';
import { SHOP } from '@/lib/shop/config';
import type { QuoteRequest } from '@/lib/validation/quotes';
import { orderTooLarge } from './cart';
import { bookLines, CART_LINE_SELECT, ORGANISATION_SELECT, priceForOrganisation } from './orders-on-account';
import { organisationBuyer, ORGANISATION_SELECT as INVOICED_ORGANISATION_SELECT } from '@/lib/data/invoicing/invoices';
import { readShopSettings } from '@/lib/data/staff/shop-settings';
import { Rejection, transact, type Tx } from '@/lib/data/platform/transactions';

// Quotes (devis) for customer organisations (docs/decisions/030-quotes.md): a buyer asks one from
// the cart for one of their organisations; it is priced exactly as the order on account would be
// now (lib/pricing through priceForOrganisation: the negotiated discount capped by the law, the
// delivery fee, the VAT split), numbered on its own gapless sequence, and frozen (a trigger).

const json = (value: unknown) => value as Prisma.InputJsonValue;

/** The next number of the year's quotes, in the caller's transaction: a rollback gives it back. */
async function nextQuoteSequence(tx: Tx, year: number): Promise<number> {
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "QuoteCounter" ("year", "last") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "last" = "QuoteCounter"."last" + 1
    RETURNING "last"`;
  if (!row) throw new Error('quote counter: no row');
  return row.last;
}

export const NOT_A_QUOTE_BUYER = failure(
  'NOT_A_BUYER',
  'Vous ne pouvez pas demander de devis pour cette organisation : votre adresse e-mail n’y est pas enregistrée comme acheteur. Contactez la librairie.',
);

/** The printed lines of a priced order: each book with its publisher's price and discount. */
export function printedBody(pricing: PricedOrder) {
  return invoiceBody(
    pricing.lines.map((line) => ({
      title: line.title,
      ean: line.ean,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
      lineTotalCents: line.lineTotalCents,
      vatRateBasisPoints: line.vatRateBasisPoints,
      ...(line.unitDiscountCents > 0 && {
        discount: {
          publisherPriceCents: line.referencePriceCents,
          basisPoints: line.requestedDiscountBasisPoints,
          unitDiscountCents: line.unitDiscountCents,
        },
      }),
    })),
    pricing.totals.shippingCents,
    pricing.deliveryMethod === 'home_delivery' ? 'Frais de livraison' : 'Retrait en librairie',
  );
}

/**
 * Makes a quote of the cart for `request.organisationId`, in one transaction: checks that the
 * signed-in reader's e-mail is one of its buyers (read here, whatever id was posted), prices the
 * lines from the database, freezes what the quote says and numbers it last (the counter row is
 * held only until the commit).
 */
export async function requestQuote(
  buyer: { email: string },
  cartId: string,
  request: QuoteRequest,
  now: Date,
): Promise<Result<{ quoteId: number; number: string }>> {
  const email = buyer.email.trim().toLowerCase();
  return transact(async (tx) => {
    const organisation = await tx.customerOrganisation.findFirst({
      where: { id: request.organisationId, members: { some: { email } } },
      select: { ...ORGANISATION_SELECT, ...INVOICED_ORGANISATION_SELECT },
    });
    if (!organisation) throw new Rejection(NOT_A_QUOTE_BUYER);
    const cartLines = await tx.cartLine.findMany({
      where: { cartId },
      orderBy: { bookId: 'asc' },
      select: CART_LINE_SELECT,
    });
    if (cartLines.length === 0) throw new Rejection(failure('EMPTY_CART', 'Votre panier est vide.'));
    if (cartLines.reduce((sum, line) => sum + line.quantity, 0) > SHOP.maxCopiesPerOrder) {
      throw new Rejection(orderTooLarge());
    }
    const settings = await readShopSettings(tx);
    const priced = priceForOrganisation(
      organisation,
      bookLines(cartLines),
      request.deliveryMethod,
      settings.shippingTable,
    );
    if (!priced.ok) throw new Rejection(priced);
    const pricing = priced.order;
    const body = printedBody(pricing);
    const year = toParisDay(now).day.getUTCFullYear();
    const sequence = await nextQuoteSequence(tx, year);
    const number = quoteNumber(year, sequence);
    const quote = await tx.quote.create({
      data: {
        number,
        year,
        sequence,
        organisationId: organisation.id,
        requestedByEmail: email,
        issuedAt: now,
        validUntil: new Date(`${quoteValidUntil(now)}T00:00:00Z`),
        deliveryMethod: request.deliveryMethod,
        shippingTable: json(settings.shippingTable),
        pricing: json(pricing),
        seller: json(sellerSnapshot(settings)),
        buyer: json(organisationBuyer(organisation)),
        lines: json(body.lines),
        vat: json(body.vat),
        goodsCents: pricing.totals.goodsCents,
        shippingCents: pricing.totals.shippingCents,
        totalCents: body.totalCents,
        paymentTermDays: organisation.paymentTermDays,
        quoteLines: {
          create: cartLines.map((line, index) => {
            const priced = pricing.lines[index];
            if (!priced || priced.ean !== line.book.ean) throw new Error('Priced lines do not match the cart lines');
            return {
              bookId: line.book.id,
              ean: line.book.ean,
              title: line.book.title,
              quantity: line.quantity,
              publisherPriceCents: line.book.publisherPriceCents,
              discountBasisPoints: priced.requestedDiscountBasisPoints,
              unitPriceCents: priced.unitPriceCents,
              lineTotalCents: priced.lineTotalCents,
              vatRateBasisPoints: priced.vatRateBasisPoints,
            };
          }),
        },
      },
      select: { id: true },
    });
    return { ok: true as const, quoteId: quote.id, number };
  });
}

const QUOTE_SELECT = {
  id: true,
  number: true,
  issuedAt: true,
  validUntil: true,
  seller: true,
  buyer: true,
  lines: true,
  vat: true,
  totalCents: true,
  paymentTermDays: true,
  deliveryMethod: true,
  status: true,
  acceptedAt: true,
  acceptedBy: true,
  repricedDifferenceCents: true,
  requestedByEmail: true,
  organisation: { select: { id: true, name: true, engagementNumberRequired: true } },
  acceptedOrder: { select: { reference: true, totalCents: true } },
} satisfies Prisma.QuoteSelect;

type QuoteRow = Prisma.QuoteGetPayload<{ select: typeof QUOTE_SELECT }>;

export type QuoteView = QuoteForPrint & {
  id: number;
  status: 'open' | 'accepted';
  deliveryMethod: QuoteRow['deliveryMethod'];
  organisation: QuoteRow['organisation'];
  requestedByEmail: string;
  acceptance: { at: Date; by: string; orderReference: string; orderTotalCents: number; differenceCents: number } | null;
};

const isoDate = (day: Date) => day.toISOString().slice(0, 10);

function quoteView(row: QuoteRow): QuoteView {
  return {
    id: row.id,
    number: row.number,
    issuedAt: row.issuedAt,
    validUntil: isoDate(row.validUntil),
    seller: SellerSnapshotSchema.parse(row.seller),
    buyer: BuyerSnapshotSchema.parse(row.buyer),
    lines: InvoiceLineSchema.array().parse(row.lines),
    vat: VatRowSchema.array().parse(row.vat),
    totalCents: row.totalCents,
    paymentTermDays: row.paymentTermDays,
    status: row.status,
    deliveryMethod: row.deliveryMethod,
    organisation: row.organisation,
    requestedByEmail: row.requestedByEmail,
    acceptance:
      row.acceptedAt && row.acceptedBy && row.acceptedOrder
        ? {
            at: row.acceptedAt,
            by: row.acceptedBy,
            orderReference: row.acceptedOrder.reference,
            orderTotalCents: row.acceptedOrder.totalCents,
            differenceCents: row.repricedDifferenceCents ?? 0,
          }
        : null,
  };
}

const buyerOf = (email: string): Prisma.QuoteWhereInput => ({
  organisation: { members: { some: { email: email.trim().toLowerCase() } } },
});

export type QuoteSummary = {
  id: number;
  number: string;
  organisationName: string;
  issuedAt: Date;
  validUntil: string;
  totalCents: number;
  status: 'open' | 'accepted';
  orderReference: string | null;
};

const SUMMARY_SELECT = {
  id: true,
  number: true,
  issuedAt: true,
  validUntil: true,
  totalCents: true,
  status: true,
  organisation: { select: { name: true } },
  acceptedOrder: { select: { reference: true } },
} satisfies Prisma.QuoteSelect;

function summary(row: Prisma.QuoteGetPayload<{ select: typeof SUMMARY_SELECT }>): QuoteSummary {
  return {
    id: row.id,
    number: row.number,
    organisationName: row.organisation.name,
    issuedAt: row.issuedAt,
    validUntil: isoDate(row.validUntil),
    totalCents: row.totalCents,
    status: row.status,
    orderReference: row.acceptedOrder?.reference ?? null,
  };
}

/** The quotes of every organisation the reader's e-mail buys for, newest first. */
export async function listBuyerQuotes(email: string): Promise<QuoteSummary[]> {
  const rows = await getDb().quote.findMany({
    where: buyerOf(email),
    orderBy: { id: 'desc' },
    take: 200,
    select: SUMMARY_SELECT,
  });
  return rows.map(summary);
}

/** A quote of one of the reader's organisations; null for any other. */
export async function getBuyerQuote(email: string, id: number): Promise<QuoteView | null> {
  const row = await getDb().quote.findFirst({ where: { id, ...buyerOf(email) }, select: QUOTE_SELECT });
  return row ? quoteView(row) : null;
}

export const STAFF_QUOTES_PAGE_SIZE = 50;

/** For the staff: every quote, newest first, by number or organisation name. */
export async function listQuotes(query: { q?: string; page: number }) {
  const where: Prisma.QuoteWhereInput = query.q
    ? {
        OR: [
          { number: { contains: query.q, mode: 'insensitive' } },
          { organisation: { name: { contains: query.q, mode: 'insensitive' } } },
        ],
      }
    : {};
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.quote.count({ where }),
    db.quote.findMany({
      where,
      orderBy: { id: 'desc' },
      skip: (query.page - 1) * STAFF_QUOTES_PAGE_SIZE,
      take: STAFF_QUOTES_PAGE_SIZE,
      select: SUMMARY_SELECT,
    }),
  ]);
  return { total, rows: rows.map(summary) };
}

/** For the staff: any quote. */
export async function getQuote(id: number): Promise<QuoteView | null> {
  const row = await getDb().quote.findUnique({ where: { id }, select: QUOTE_SELECT });
  return row ? quoteView(row) : null;
}
