import 'server-only';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { failure, type Result } from '@/lib/core/result';
import { priceOrder, type PricedOrder } from '@/lib/pricing';
import { parseStoredShippingTable } from '@/lib/shop/settings';
import { acceptanceRefusal, acceptedQuoteInput, repricing, type Repricing } from '@/lib/quotes/quote-rules';
import type { QuoteAcceptance } from '@/lib/validation/quotes';
import { CART_BOOK_SELECT } from './cart';
import { lockAndReplaceUnpaidOrders, planCartLines } from './checkout';
import { checkEngagementNumber, ORGANISATION_SELECT, writeOrderOnAccount } from './orders-on-account';
import { recordAudit } from '@/lib/data/staff/audit';
import { getShopSettings } from '@/lib/data/staff/shop-settings';
import { Rejection, transact, type Tx } from '@/lib/data/platform/transactions';

// Accepting a quote (docs/decisions/030-quotes.md): online by a buyer of its organisation, or
// recorded by staff. In one transaction the quote becomes an order on account through the order
// on account's own path (writeOrderOnAccount: holds, confirmOrder 'on_account'), priced at the
// publishers' prices of the day with the quote's discount and delivery fees; the quote row is
// locked first, so two acceptances at once give one order.

export type QuoteAcceptor =
  { kind: 'buyer'; email: string } | { kind: 'staff'; staffId: number; name: string; ip: string | null };

const QUOTE_NOT_FOUND = failure('QUOTE_NOT_FOUND', 'Devis introuvable.');

const ACCEPTANCE_SELECT = {
  id: true,
  number: true,
  status: true,
  validUntil: true,
  organisationId: true,
  requestedByEmail: true,
  deliveryMethod: true,
  shippingTable: true,
  totalCents: true,
  quoteLines: {
    orderBy: { bookId: 'asc' },
    select: {
      bookId: true,
      ean: true,
      title: true,
      quantity: true,
      publisherPriceCents: true,
      discountBasisPoints: true,
    },
  },
} satisfies Prisma.QuoteSelect;

type AcceptedQuote = Prisma.QuoteGetPayload<{ select: typeof ACCEPTANCE_SELECT }>;

const QUOTED_BOOK_SELECT = { ...CART_BOOK_SELECT, schoolbook: true } satisfies Prisma.BookSelect;
type QuotedBook = Prisma.BookGetPayload<{ select: typeof QUOTED_BOOK_SELECT }>;

/** The quote's lines priced with today's books: priceOrder's result, or the refusal. */
function priceToday(
  quote: AcceptedQuote,
  kind: Parameters<typeof acceptedQuoteInput>[0],
  books: Map<number, QuotedBook>,
) {
  const input = acceptedQuoteInput(
    kind,
    quote.quoteLines.map((line) => {
      const book = books.get(line.bookId);
      if (!book) throw new Error(`quote ${quote.id}: book ${line.bookId} not found`);
      return {
        ean: book.ean,
        title: book.title,
        quantity: line.quantity,
        quotedDiscountBasisPoints: line.discountBasisPoints,
        publisherPriceCents: book.publisherPriceCents,
        vatRateBasisPoints: book.vatRateBasisPoints,
        schoolbook: book.schoolbook,
      };
    }),
    quote.deliveryMethod,
  );
  if (!input.ok) return input;
  // The quote's own delivery fees: the shop's offer holds for them until it expires.
  return priceOrder(input.input, { shippingTable: parseStoredShippingTable(quote.shippingTable) });
}

function repricingOf(quote: AcceptedQuote, books: Map<number, QuotedBook>, order: PricedOrder): Repricing {
  return repricing(
    { totalCents: quote.totalCents, lines: quote.quoteLines },
    {
      totalCents: order.totals.totalInclVatCents,
      publisherPriceByEan: new Map([...books.values()].map((book) => [book.ean, book.publisherPriceCents])),
    },
  );
}

async function readBooks(client: Pick<Tx, 'book'>, quote: AcceptedQuote): Promise<Map<number, QuotedBook>> {
  const books = await client.book.findMany({
    where: { id: { in: quote.quoteLines.map((line) => line.bookId) } },
    select: QUOTED_BOOK_SELECT,
  });
  return new Map(books.map((book) => [book.id, book]));
}

const isoDate = (day: Date) => day.toISOString().slice(0, 10);

export type AcceptancePreview = Repricing & { totalCents: number; refusal: string | null };

/**
 * What accepting the quote would cost today, for its page: the total at today's publishers'
 * prices and the difference with the quote; or why it cannot be accepted.
 */
export async function previewQuoteAcceptance(quoteId: number, now: Date): Promise<AcceptancePreview | null> {
  const db = getDb();
  const quote = await db.quote.findUnique({ where: { id: quoteId }, select: ACCEPTANCE_SELECT });
  if (!quote) return null;
  const organisation = await db.customerOrganisation.findUniqueOrThrow({
    where: { id: quote.organisationId },
    select: { kind: true },
  });
  const refused = acceptanceRefusal({ ...quote, validUntil: isoDate(quote.validUntil) }, now);
  const books = await readBooks(db, quote);
  const priced = priceToday(quote, organisation.kind, books);
  if (!priced.ok) return { totalCents: quote.totalCents, differenceCents: 0, changes: [], refusal: priced.message };
  return {
    totalCents: priced.order.totals.totalInclVatCents,
    ...repricingOf(quote, books, priced.order),
    refusal: refused?.message ?? null,
  };
}

/**
 * Accepts the quote, in one transaction: locks its row (a second acceptance waits, then is
 * refused), checks who accepts (a buyer of its organisation today, or staff), refuses an expired
 * or accepted quote, prices its lines today, writes and confirms the order on account, and
 * records the acceptance with the difference.
 */
/**
 * The order's e-mail when staff record an acceptance: the buyer who asked for the quote if they
 * still order for the organisation (not erased, not removed), else its billing address.
 */
async function orderEmailOfStaffAcceptance(tx: Tx, organisationId: number, requestedBy: string): Promise<string> {
  const member = await tx.organisationMember.findFirst({
    where: { organisationId, email: requestedBy },
    select: { email: true },
  });
  if (member) return member.email;
  const { billingEmail } = await tx.customerOrganisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { billingEmail: true },
  });
  return billingEmail;
}

export async function acceptQuote(
  acceptor: QuoteAcceptor,
  form: QuoteAcceptance,
  now: Date,
  clientKey: string,
): Promise<Result<{ reference: string; differenceCents: number }>> {
  const { orderCutoffHour } = await getShopSettings();
  return transact(async (tx) => {
    const locked = await tx.$queryRaw<
      { id: number }[]
    >`SELECT "id" FROM "Quote" WHERE "id" = ${form.quoteId} FOR UPDATE`;
    if (locked.length === 0) throw new Rejection(QUOTE_NOT_FOUND);
    const quote = await tx.quote.findUniqueOrThrow({ where: { id: form.quoteId }, select: ACCEPTANCE_SELECT });
    const organisation = await tx.customerOrganisation.findFirst({
      where: {
        id: quote.organisationId,
        ...(acceptor.kind === 'buyer' && { members: { some: { email: acceptor.email.trim().toLowerCase() } } }),
      },
      select: ORGANISATION_SELECT,
    });
    // A reader who is not (or no longer) one of its buyers is told nothing of it.
    if (!organisation) throw new Rejection(QUOTE_NOT_FOUND);
    const refused = acceptanceRefusal({ ...quote, validUntil: isoDate(quote.validUntil) }, now);
    if (refused) throw new Rejection(refused);
    checkEngagementNumber(organisation, form);

    const { stock } = await lockAndReplaceUnpaidOrders(
      tx,
      [],
      quote.quoteLines.map((line) => line.bookId),
    );
    const books = await readBooks(tx, quote);
    const plans = planCartLines(
      quote.quoteLines.map((line) => ({ book: books.get(line.bookId)!, quantity: line.quantity })),
      stock,
      now,
    );
    const priced = priceToday(quote, organisation.kind, books);
    if (!priced.ok) throw new Rejection(priced);
    const email =
      acceptor.kind === 'buyer'
        ? acceptor.email.trim().toLowerCase()
        : await orderEmailOfStaffAcceptance(tx, quote.organisationId, quote.requestedByEmail);
    const { orderId, reference } = await writeOrderOnAccount(tx, {
      organisation,
      email,
      cartId: null,
      form: { ...form, deliveryMethod: quote.deliveryMethod },
      plans,
      pricing: priced.order,
      now,
      orderCutoffHour,
      clientKey,
    });
    const { differenceCents } = repricingOf(quote, books, priced.order);
    await tx.quote.update({
      where: { id: quote.id },
      data: {
        status: 'accepted',
        acceptedAt: now,
        acceptedBy: acceptor.kind === 'buyer' ? email : acceptor.name,
        acceptedOrderId: orderId,
        repricedDifferenceCents: differenceCents,
      },
    });
    if (acceptor.kind === 'staff') {
      await recordAudit(tx, {
        staffId: acceptor.staffId,
        action: 'quote.accepted',
        orderId,
        after: { quote: quote.number, order: reference, differenceCents },
        ip: acceptor.ip,
      });
    }
    return { ok: true as const, reference, differenceCents };
  });
}
