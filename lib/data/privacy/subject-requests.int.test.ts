import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createPrismaClient, type PrismaClient } from '@/lib/database/prisma-client';
import { createPaidOrder, createTestStaff, placeTestOrder } from '@/scripts/test/order-desk-fixtures';
import { submitBookRequest } from '@/lib/data/stock-desk/book-requests';
import { createCarts, createTestBook } from '@/scripts/test/fixtures/books';
import { createTestOrganisation } from '@/scripts/test/fixtures/organisations';
import { emailDigest, erasePersonalData, exportPersonalData } from './subject-requests';

// A person's request about their data (RGPD art. 15, 17, 20) on a real PostgreSQL: the export
// holds every row with their address, whatever its case; the erasure takes what the law allows
// and keeps what the invoice needs, with its audit entry.
let db: PrismaClient;
beforeAll(() => {
  db = createPrismaClient(inject('databaseUrl'));
});
afterAll(() => db.$disconnect());

describe('a data subject’s request', () => {
  it('exports every order, e-mail, withdrawal and book request of an address, then erases what the law allows', async () => {
    const email = `personne.${randomUUID().slice(0, 8)}@exemple.fr`;
    const { order: paid } = await createPaidOrder(db, { onHand: 1, withSupplier: false });
    const { order: unpaid } = await placeTestOrder(db, { onHand: 1, withSupplier: false });
    await db.order.updateMany({ where: { id: { in: [paid.id, unpaid.id] } }, data: { email: email.toUpperCase() } });
    await db.order.update({ where: { id: unpaid.id }, data: { status: 'expired' } });
    await db.withdrawal.create({ data: { orderId: paid.id, wholeOrder: true, declarantName: 'Camille Lecteur' } });
    await submitBookRequest(
      {
        isbn: null,
        title: 'Un livre rare',
        author: 'Un auteur',
        publisher: null,
        quantity: 1,
        fullName: 'Camille Lecteur',
        email,
        phone: null,
        message: null,
        submission: randomUUID(),
      },
      `client-${randomUUID()}`,
    );

    // Another person whose address differs by one letter where this one has "_" (not ILIKE).
    const { order: neighbour } = await placeTestOrder(db, { onHand: 1, withSupplier: false });
    await db.order.update({ where: { id: neighbour.id }, data: { email: email.replace('.', '_') } });
    const data = await exportPersonalData(email.replace('.', '_'));
    expect(data.orders.map((order) => order.reference)).toEqual([neighbour.reference]);
    await db.order.update({ where: { id: neighbour.id }, data: { email: 'voisin@exemple.fr' } });

    const mine = await exportPersonalData(email);
    expect(mine.orders.map((order) => order.reference).sort()).toEqual([paid.reference, unpaid.reference].sort());
    const paidExport = mine.orders.find((order) => order.reference === paid.reference)!;
    expect(paidExport.withdrawals).toMatchObject([{ declarantName: 'Camille Lecteur' }]);
    expect(paidExport.emailMessages.map((message) => message.kind)).toContain('order_confirmation');
    expect(mine.bookRequests).toMatchObject([{ title: 'Un livre rare', email }]);

    const staff = await createTestStaff(db, 'admin');
    const before = await db.order.findUniqueOrThrow({ where: { id: paid.id } });
    // The unpaid order expired long ago: anonymised whole. (One expired lately could still be paid.)
    await db.$executeRaw`UPDATE "Order" SET "updatedAt" = now() - interval '40 days' WHERE "id" = ${unpaid.id}`;
    expect(await erasePersonalData({ id: staff.id, ip: null }, email)).toEqual({
      ok: true,
      unpaidOrders: 1,
      paidOrders: 1,
      bookRequests: 1,
    });
    // Nothing left under that address; the paid order keeps what its invoice carries.
    const after = await exportPersonalData(email);
    expect(after.orders).toEqual([]);
    expect(after.bookRequests).toEqual([]);
    expect(await db.order.findUniqueOrThrow({ where: { id: paid.id } })).toMatchObject({
      email: 'anonyme@invalid',
      phone: '',
      fullName: before.fullName,
      addressLine1: before.addressLine1,
      totalCents: before.totalCents,
    });
    expect(await db.order.findUniqueOrThrow({ where: { id: unpaid.id } })).toMatchObject({
      fullName: 'Client anonymisé',
      addressLine1: null,
    });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { staffId: staff.id, action: 'privacy.erased' } });
    expect(audit.after).toMatchObject({ emailSha256: emailDigest(email), paidOrders: 1 });
    expect(JSON.stringify(audit.after)).not.toContain(email);
  });

  it('exports the reader account and the organisations of an address; erasure takes it off their buyers only', async () => {
    const email = `acheteuse.${randomUUID().slice(0, 8)}@univ.example`;
    const buyerOf = await createTestOrganisation(db);
    await db.organisationMember.create({ data: { organisationId: buyerOf.id, email } });
    const billedTo = await createTestOrganisation(db);
    await db.customerOrganisation.update({ where: { id: billedTo.id }, data: { billingEmail: email } });
    await db.reader.create({
      data: {
        email,
        addresses: {
          create: {
            fullName: 'Camille Acquéreuse',
            addressLine1: '12 place du Panthéon',
            postalCode: '75005',
            city: 'Paris',
            addressKey: 'a'.repeat(64),
          },
        },
      },
    });

    // A quote this buyer asked for the organisation.
    const book = await createTestBook(db, { onHand: 1, withSupplier: false });
    const [cartId] = await createCarts(db, book.id, 1, 1);
    const { requestQuote } = await import('@/lib/data/buying/quotes');
    const quote = await requestQuote(
      { email },
      cartId!,
      { organisationId: buyerOf.id, deliveryMethod: 'shop_pickup' },
      new Date(),
    );
    if (!quote.ok) throw new Error(quote.message);

    const data = await exportPersonalData(email.toUpperCase());
    expect(data.quotes).toMatchObject([{ number: quote.number, requestedByEmail: email, status: 'open' }]);
    expect(data.readerAccount).toMatchObject({ email, addresses: [{ city: 'Paris' }], passkeys: [], wishList: [] });
    expect(data.organisations).toEqual([
      { name: buyerOf.name, siret: buyerOf.siret, buyerSince: expect.any(Date), receivesInvoices: false },
      { name: billedTo.name, siret: billedTo.siret, buyerSince: null, receivesInvoices: true },
    ]);

    const staff = await createTestStaff(db, 'admin');
    expect(await erasePersonalData({ id: staff.id, ip: null }, email)).toMatchObject({ ok: true });
    const after = await exportPersonalData(email);
    expect(after.readerAccount).toBeNull();
    // Still the organisation's billing address (its invoices need one): staff replace it on its page.
    expect(after.organisations).toEqual([
      { name: billedTo.name, siret: billedTo.siret, buyerSince: null, receivesInvoices: true },
    ]);
    expect(await db.organisationMember.count({ where: { organisationId: buyerOf.id } })).toBe(1);
    // The quote stays the organisation's, as offered, without the person's address.
    expect(after.quotes).toEqual([]);
    expect(await db.quote.findUniqueOrThrow({ where: { id: quote.quoteId } })).toMatchObject({
      number: quote.number,
      requestedByEmail: 'anonyme@invalid',
      status: 'open',
    });
    // Anything else about a quote stays frozen.
    await expect(db.quote.update({ where: { id: quote.quoteId }, data: { totalCents: 1 } })).rejects.toThrow(/frozen/);
  });
});
