import { randomInt, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QuoteAcceptance } from '@/lib/validation/quotes';
import { createCarts, createTestBook } from '@/scripts/test/fixtures/books';
import { createTestStaff } from '@/scripts/test/order-desk-fixtures';
import { openTestDatabase } from '@/scripts/test/test-database';

// Quotes (docs/decisions/030-quotes.md) on a real PostgreSQL: numbered without gap when many are
// asked at once, frozen, and accepted once into an order on account priced at the publisher's
// price of the day with the quote's discount.
const db = openTestDatabase();
let quotes: typeof import('./quotes');
let acceptance: typeof import('./quote-acceptance');

beforeAll(async () => {
  quotes = await import('./quotes');
  acceptance = await import('./quote-acceptance');
});

/** A SIRET nobody else in the shared test database has: 13 random digits and the Luhn key. */
function freshSiret(): string {
  const body = `${randomInt(1, 10)}${Array.from({ length: 12 }, () => randomInt(10)).join('')}`;
  for (let key = 0; key < 10; key += 1) {
    const siret = `${body}${key}`;
    const sum = [...siret].reverse().reduce((acc, char, index) => {
      const digit = Number(char) * (index % 2 === 1 ? 2 : 1);
      return acc + (digit > 9 ? digit - 9 : digit);
    }, 0);
    if (sum % 10 === 0) return siret;
  }
  throw new Error('unreachable');
}

async function createLibrary() {
  const buyer = `devis.${randomUUID().slice(0, 8)}@univ.example`;
  const organisation = await db.customerOrganisation.create({
    data: {
      name: `Bibliothèque universitaire ${randomUUID().slice(0, 6)}`,
      siret: freshSiret(),
      kind: 'library',
      publicBuyer: true,
      paymentTermDays: 30,
      discountBasisPoints: 900,
      billingEmail: 'factures@univ.example',
      billingLine1: '12 place du Panthéon',
      billingPostalCode: '75005',
      billingCity: 'Paris',
      members: { create: { email: buyer } },
    },
    select: { id: true, name: true },
  });
  return { ...organisation, buyer };
}

const acceptanceForm = (quoteId: number): QuoteAcceptance => ({
  quoteId,
  fullName: 'Camille Acquéreuse',
  phone: '',
  purchaseOrderNumber: 'BC-2026-0077',
  engagementNumber: null,
});

/** A library, a book at 20,00 € and a quote of 3 copies delivered to the library. */
async function quoteOfThreeCopies(now = new Date()) {
  const library = await createLibrary();
  const book = await createTestBook(db, { onHand: 5, withSupplier: false, priceCents: 2000 });
  const [cartId] = await createCarts(db, book.id, 1, 3);
  const made = await quotes.requestQuote(
    { email: library.buyer },
    cartId!,
    { organisationId: library.id, deliveryMethod: 'home_delivery' },
    now,
  );
  if (!made.ok) throw new Error(made.message);
  return { library, book, cartId: cartId!, quoteId: made.quoteId, number: made.number };
}

describe('asking for a quote', () => {
  it('prices the cart as the order on account would be, frozen, valid 30 days', async () => {
    const { library, quoteId, cartId } = await quoteOfThreeCopies(new Date('2026-12-08T10:00:00Z'));
    const quote = await quotes.getBuyerQuote(library.buyer.toUpperCase(), quoteId);
    expect(quote).toMatchObject({ validUntil: '2027-01-07', status: 'open', acceptance: null, paymentTermDays: 30 });
    // 9 % off 20,00 €: 18,20 € a copy; a library pays no legal minimum delivery fee.
    expect(quote!.lines[0]).toMatchObject({
      quantity: 3,
      unitPriceInclVatCents: 1820,
      totalInclVatCents: 5460,
      discount: { publisherPriceCents: 2000, basisPoints: 900, unitDiscountCents: 180 },
    });
    expect(quote!.buyer.name).toBe(library.name);
    // The cart stays as it was: a quote is not an order.
    expect(await db.cartLine.count({ where: { cartId } })).toBe(1);
    // What the quote says cannot change.
    await expect(db.quote.update({ where: { id: quoteId }, data: { totalCents: 1 } })).rejects.toThrow(/frozen/);
    await expect(db.quoteLine.updateMany({ where: { quoteId }, data: { quantity: 1 } })).rejects.toThrow(/frozen/);
  });

  it('refuses a reader who is not a buyer of the organisation posted', async () => {
    const library = await createLibrary();
    const book = await createTestBook(db, { onHand: 5, withSupplier: false });
    const [cartId] = await createCarts(db, book.id, 1, 1);
    const refused = await quotes.requestQuote(
      { email: 'quelqu.un@example.org' },
      cartId!,
      { organisationId: library.id, deliveryMethod: 'shop_pickup' },
      new Date(),
    );
    expect(refused).toMatchObject({ ok: false, code: 'NOT_A_BUYER' });
  });

  it('numbers 30 quotes asked at once without gap nor repeat', async () => {
    const library = await createLibrary();
    const book = await createTestBook(db, { onHand: 50, withSupplier: false });
    const carts = await createCarts(db, book.id, 30, 1);
    const made = await Promise.all(
      carts.map((cartId) =>
        quotes.requestQuote(
          { email: library.buyer },
          cartId,
          { organisationId: library.id, deliveryMethod: 'shop_pickup' },
          new Date(),
        ),
      ),
    );
    const numbers = made.map((result) => {
      if (!result.ok) throw new Error(result.message);
      return result.number;
    });
    const sequences = numbers.map((number) => Number(number.slice(-6))).sort((a, b) => a - b);
    expect(new Set(sequences).size).toBe(30);
    expect(sequences.at(-1)! - sequences[0]!).toBe(29);
    const year = new Date().getUTCFullYear();
    const counter = await db.quoteCounter.findUniqueOrThrow({ where: { year } });
    expect(counter.last).toBeGreaterThanOrEqual(sequences.at(-1)!);
  });
});

describe('accepting a quote', () => {
  it('becomes an order on account with the quote’s totals when no price changed', async () => {
    const { library, quoteId } = await quoteOfThreeCopies();
    const quote = await db.quote.findUniqueOrThrow({ where: { id: quoteId }, select: { totalCents: true } });
    const accepted = await acceptance.acceptQuote(
      { kind: 'buyer', email: library.buyer },
      acceptanceForm(quoteId),
      new Date(),
      'client-devis',
    );
    if (!accepted.ok) throw new Error(accepted.message);
    expect(accepted.differenceCents).toBe(0);
    const order = await db.order.findUniqueOrThrow({
      where: { reference: accepted.reference },
      select: {
        status: true,
        paidAt: true,
        organisationId: true,
        purchaseOrderNumber: true,
        totalCents: true,
        cartId: true,
        lines: { select: { unitPriceCents: true, quantity: true } },
        holds: { select: { status: true } },
        quote: { select: { id: true, status: true, repricedDifferenceCents: true, acceptedBy: true } },
      },
    });
    expect(order).toMatchObject({
      status: 'paid',
      paidAt: null,
      organisationId: library.id,
      purchaseOrderNumber: 'BC-2026-0077',
      totalCents: quote.totalCents,
      cartId: null,
      lines: [{ unitPriceCents: 1820, quantity: 3 }],
      holds: [{ status: 'consumed' }],
      quote: { id: quoteId, status: 'accepted', repricedDifferenceCents: 0, acceptedBy: library.buyer },
    });
  });

  it('is re-priced at the publisher’s price of the day, the quote’s discount kept, the difference recorded', async () => {
    const { book, quoteId, library } = await quoteOfThreeCopies();
    await db.book.update({ where: { id: book.id }, data: { publisherPriceCents: 2200 } });
    const quote = await db.quote.findUniqueOrThrow({ where: { id: quoteId }, select: { totalCents: true } });
    const preview = await acceptance.previewQuoteAcceptance(quoteId, new Date());
    // 22,00 € less 9 %: 20,02 € a copy, 60,06 € for three instead of 54,60 €; the delivery fee as quoted.
    expect(preview).toMatchObject({ totalCents: quote.totalCents + 546, differenceCents: 546, refusal: null });
    expect(preview!.changes).toEqual([
      expect.objectContaining({ ean: book.ean, quotedPublisherPriceCents: 2000, publisherPriceCents: 2200 }),
    ]);
    // The buyer who asked has left the organisation since: the order goes to its billing address.
    await db.organisationMember.deleteMany({ where: { organisationId: library.id, email: library.buyer } });
    const accepted = await acceptance.acceptQuote(
      { kind: 'staff', staffId: (await createTestStaff(db)).id, name: 'Libraire au comptoir', ip: null },
      acceptanceForm(quoteId),
      new Date(),
      'client-devis',
    );
    if (!accepted.ok) throw new Error(accepted.message);
    expect(accepted.differenceCents).toBe(546);
    const order = await db.order.findUniqueOrThrow({
      where: { reference: accepted.reference },
      select: {
        totalCents: true,
        email: true,
        lines: { select: { unitPriceCents: true } },
        quote: { select: { acceptedBy: true } },
      },
    });
    const { billingEmail } = await db.customerOrganisation.findUniqueOrThrow({ where: { id: library.id } });
    expect(order).toMatchObject({
      email: billingEmail,
      totalCents: quote.totalCents + 546,
      lines: [{ unitPriceCents: 2002 }],
      quote: { acceptedBy: 'Libraire au comptoir' },
    });
  });

  it('refuses an expired quote, in French, and writes nothing', async () => {
    const { library, quoteId } = await quoteOfThreeCopies(new Date('2026-12-08T10:00:00Z'));
    const ordersBefore = await db.order.count({ where: { organisationId: library.id } });
    const refused = await acceptance.acceptQuote(
      { kind: 'buyer', email: library.buyer },
      acceptanceForm(quoteId),
      new Date('2027-01-08T09:00:00Z'),
      'client-devis',
    );
    expect(refused).toMatchObject({ ok: false, code: 'QUOTE_EXPIRED' });
    expect(refused.ok || refused.message).toContain('a expiré le 07/01/2027');
    expect(await db.order.count({ where: { organisationId: library.id } })).toBe(ordersBefore);
    expect(await db.quote.findUniqueOrThrow({ where: { id: quoteId }, select: { status: true } })).toEqual({
      status: 'open',
    });
  });

  it('gives exactly one order when it is accepted twice at once', async () => {
    const { library, quoteId } = await quoteOfThreeCopies();
    const results = await Promise.all(
      [0, 1, 2].map(() =>
        acceptance.acceptQuote(
          { kind: 'buyer', email: library.buyer },
          acceptanceForm(quoteId),
          new Date(),
          'client-devis',
        ),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.code)).toEqual([
      'QUOTE_ALREADY_ACCEPTED',
      'QUOTE_ALREADY_ACCEPTED',
    ]);
    expect(await db.order.count({ where: { organisationId: library.id } })).toBe(1);
  });

  it('tells a reader who is not a buyer of its organisation that it does not exist', async () => {
    const { quoteId } = await quoteOfThreeCopies();
    const refused = await acceptance.acceptQuote(
      { kind: 'buyer', email: 'quelqu.un@example.org' },
      acceptanceForm(quoteId),
      new Date(),
      'client-devis',
    );
    expect(refused).toMatchObject({ ok: false, code: 'QUOTE_NOT_FOUND' });
  });
});
