import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/database/prisma-client';
import { INVARIANT_CHECK_LIMITS, transactOrThrow } from '@/lib/data/platform/transactions';
import type { Violation } from '@/lib/invariants/invariants';
import { attachCheckoutSession, placeOrder } from '@/lib/data/buying/checkout';
import { createCarts, createTestBook } from '@/scripts/test/fixtures/books';
import { SAMPLE_CHECKOUT_FORM } from '@/scripts/test/fixtures/checkout-form';
import { createPaidOrder, placeTestOrder } from '@/scripts/test/order-desk-fixtures';
import { runOrderDeskWorkers } from '@/scripts/test/run-order-desk-workers';
import { findViolations, getLatestInvariantCheck, runInvariantCheck } from './invariants';

// The invariant check on a real PostgreSQL: the shop's own writes (a sale from the shelf, a
// backorder, a hold) satisfy every rule, and each corrupted row is reported with its book or order,
// and left as it is. Other test files share this database: only this file's rows are looked at.
let db: PrismaClient;
beforeAll(() => {
  db = createPrismaClient(inject('databaseUrl'));
});
afterAll(() => db.$disconnect());

async function violationsNow(options: { frontCache?: boolean } = {}): Promise<Violation[]> {
  const found = await transactOrThrow(
    (tx) => findViolations(tx, { now: new Date(), frontCache: options.frontCache ?? false }),
    INVARIANT_CHECK_LIMITS,
  );
  return found.violations;
}

/** The violations about these books (by EAN) and orders (by reference). */
function about(violations: Violation[], keys: { eans?: string[]; references?: string[] }): Violation[] {
  return violations.filter(({ subject }) => {
    if (subject.kind === 'book') return keys.eans?.includes(subject.ean) ?? false;
    if (subject.kind === 'order') return keys.references?.includes(subject.reference) ?? false;
    if (subject.kind === 'refund') return keys.references?.includes(subject.orderReference) ?? false;
    return false;
  });
}

describe('the invariant check', () => {
  it('finds nothing wrong with what the shop wrote itself: a sale from the shelf, a backorder, a hold', async () => {
    const sold = await createPaidOrder(db, { onHand: 3, withSupplier: false, quantity: 2 });
    const backordered = await createPaidOrder(db, { onHand: 0, withSupplier: true, quantity: 1 });
    const held = await placeTestOrder(db, { onHand: 2, withSupplier: false, quantity: 1 });
    const eans = [sold.book.ean, backordered.book.ean, held.book.ean];
    const references = [sold.order.reference, backordered.order.reference, held.order.reference];
    expect(about(await violationsNow(), { eans, references })).toEqual([]);
    // The hold is real: the book has a copy held, and its rule saw it.
    expect(await db.stockLevel.findUniqueOrThrow({ where: { bookId: held.book.id }, select: { held: true } })).toEqual({
      held: 1,
    });
  });

  it('after 80 payments at once from two app instances for 25 copies, nothing is wrong: sales, backorders, invoices', async () => {
    const book = await createTestBook(db, { onHand: 25, withSupplier: true });
    const carts = await createCarts(db, book.id, 80, 1);
    const orders: { reference: string; sessionId: string }[] = [];
    for (const cartId of carts) {
      const placed = await placeOrder(cartId, SAMPLE_CHECKOUT_FORM, new Date(), `client-${cartId}`);
      if (!placed.ok) throw new Error(placed.message);
      const sessionId = `cs_test_rush_${placed.order.reference}`;
      await attachCheckoutSession(placed.order.id, sessionId, `https://pay.example/${sessionId}`);
      orders.push({ reference: placed.order.reference, sessionId });
    }
    // Stripe delivers again what was answered "busy" (a 503), as it retries a webhook.
    let waiting = orders;
    for (let round = 0; waiting.length > 0 && round < 10; round += 1) {
      const halves = [waiting.filter((_, i) => i % 2 === 0), waiting.filter((_, i) => i % 2 === 1)];
      const runs = await runOrderDeskWorkers(
        inject('databaseUrl'),
        halves.map((items) => ({ kind: 'pay' as const, items })),
      );
      const retry = runs.flatMap((run, r) => run.results.flatMap((result, i) => (result.ok ? [] : [halves[r]![i]!])));
      expect(runs.flatMap((run) => run.results).filter((result) => !result.ok && result.code !== 'BUSY')).toEqual([]);
      waiting = retry;
    }
    expect(waiting).toEqual([]);
    const paid = await db.order.count({ where: { reference: { in: orders.map((o) => o.reference) }, status: 'paid' } });
    expect(paid).toBe(80);
    const references = orders.map((order) => order.reference);
    expect(about(await violationsNow(), { eans: [book.ean], references })).toEqual([]);
  }, 120_000);

  it('reports each corrupted row with its book or order, and repairs none', async () => {
    const shelf = await createPaidOrder(db, { onHand: 3, withSupplier: false, quantity: 1 });
    const heldBook = await createPaidOrder(db, { onHand: 2, withSupplier: false, quantity: 1 });
    const lines = await createPaidOrder(db, { onHand: 2, withSupplier: false, quantity: 1 });
    // A copy appears on the shelf without a movement; a hold counted that nobody has; a line
    // sold from the shelf now says it awaits the distributor, while its copy left the ledger.
    await db.$executeRaw`UPDATE "StockLevel" SET "onHand" = "onHand" + 1 WHERE "bookId" = ${shelf.book.id}`;
    await db.$executeRaw`UPDATE "StockLevel" SET "held" = "held" + 1 WHERE "bookId" = ${heldBook.book.id}`;
    await db.$executeRaw`
      UPDATE "OrderLine" SET "fromStockQuantity" = 0, "backorderQuantity" = 1 WHERE "orderId" = ${lines.order.id}`;
    // An e-mail that failed every try.
    const email = await db.emailMessage.findFirstOrThrow({ where: { orderId: shelf.order.id }, select: { id: true } });
    await db.emailMessage.update({ where: { id: email.id }, data: { status: 'failed', lastError: 'SMTP 554' } });
    // A counter ahead of its invoices: numbers 1 to 3 of series Z were never issued.
    await db.invoiceCounter.create({ data: { series: 'Z', year: 2026, last: 3 } });
    // A purge due five minutes ago that the front cache never got.
    const tag = `livre-${shelf.book.ean}`;
    await db.frontCachePurge.create({ data: { tag, dueAt: new Date(Date.now() - 5 * 60_000) } });

    const found = await violationsNow({ frontCache: true });
    const mine = about(found, { eans: [shelf.book.ean, heldBook.book.ean], references: [lines.order.reference] });
    expect(mine.map(({ invariant, subject }) => ({ invariant, subject }))).toEqual(
      expect.arrayContaining([
        { invariant: 'stock_ledger', subject: expect.objectContaining({ ean: shelf.book.ean }) },
        { invariant: 'stock_held', subject: expect.objectContaining({ ean: heldBook.book.ean }) },
        { invariant: 'order_line_stock', subject: { kind: 'order', reference: lines.order.reference } },
      ]),
    );
    expect(mine).toHaveLength(3);
    const ledger = found.find((v) => v.invariant === 'stock_ledger' && about([v], { eans: [shelf.book.ean] }).length);
    expect(ledger?.detail).toBe('en rayon : 3 ; somme du registre : 2');
    expect(found).toContainEqual(
      expect.objectContaining({
        invariant: 'email_stuck',
        subject: { kind: 'email', id: email.id, about: `commande ${shelf.order.reference}`, status: 'failed' },
      }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        invariant: 'invoice_sequence',
        subject: { kind: 'invoice_series', series: 'Z', year: 2026 },
      }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ invariant: 'front_cache_purge', subject: { kind: 'front_cache_tag', tag } }),
    );

    // Recorded for /admin/etat, and nothing repaired.
    const check = await runInvariantCheck();
    expect(check?.counts.stock_ledger).toBeGreaterThanOrEqual(1);
    const latest = await getLatestInvariantCheck();
    expect(latest?.id).toBeGreaterThan(0);
    expect(latest?.kept).toContainEqual(expect.objectContaining({ invariant: 'stock_held' }));
    expect(latest?.violationCount).toBe(check?.violationCount);
    const level = await db.stockLevel.findUniqueOrThrow({ where: { bookId: shelf.book.id }, select: { onHand: true } });
    expect(level.onHand).toBe(3);

    // Put back as the shop left them, for the test files that follow.
    await db.$executeRaw`UPDATE "StockLevel" SET "onHand" = "onHand" - 1 WHERE "bookId" = ${shelf.book.id}`;
    await db.$executeRaw`UPDATE "StockLevel" SET "held" = "held" - 1 WHERE "bookId" = ${heldBook.book.id}`;
    await db.$executeRaw`
      UPDATE "OrderLine" SET "fromStockQuantity" = 1, "backorderQuantity" = 0 WHERE "orderId" = ${lines.order.id}`;
    await db.emailMessage.update({ where: { id: email.id }, data: { status: 'sent' } });
    await db.invoiceCounter.delete({ where: { series_year: { series: 'Z', year: 2026 } } });
    await db.frontCachePurge.deleteMany({ where: { tag } });
    const eans = [shelf.book.ean, heldBook.book.ean, lines.book.ean];
    expect(about(await violationsNow(), { eans, references: [lines.order.reference] })).toEqual([]);
  });

  it('a paid order without its invoice is reported', async () => {
    const { order } = await createPaidOrder(db, { onHand: 1, withSupplier: false, quantity: 1 });
    // An invoice cannot be deleted (a trigger): a second paid order written without one stands in.
    const reference = `LF-INV${order.id}`;
    await db.$executeRaw`
      INSERT INTO "Order" ("reference", "status", "email", "fullName", "phone", "deliveryMethod", "goodsCents",
        "shippingCents", "totalCents", "pricing", "holdExpiresAt", "paidAt", "updatedAt")
      VALUES (${reference}, 'paid', 'sans.facture@example.fr', 'Sans Facture', '+33600000000', 'shop_pickup',
        0, 0, 0, '{}', now(), now(), now())`;
    const found = about(await violationsNow(), { references: [reference, order.reference] });
    expect(found).toEqual([
      expect.objectContaining({ invariant: 'order_invoice', subject: { kind: 'order', reference } }),
    ]);
    await db.order.delete({ where: { reference } });
  });

  it('runs once at a time: a check asked for while another runs answers null', async () => {
    const other = new pg.Client({ connectionString: inject('databaseUrl') });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock(7240001)');
      expect(await runInvariantCheck()).toBeNull();
      await other.query('SELECT pg_advisory_unlock(7240001)');
      expect(await runInvariantCheck()).not.toBeNull();
    } finally {
      await other.end();
    }
  });
});
