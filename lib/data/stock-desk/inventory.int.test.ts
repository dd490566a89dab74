import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/database/prisma-client';
import { createTestBook } from '@/scripts/test/fixtures/books';
import { createTestStaff, placeTestOrder } from '@/scripts/test/order-desk-fixtures';
import { runStockDeskWorkers } from '@/scripts/test/run-stock-desk-workers';
import type { Actor } from '@/lib/data/staff/staff';
import { importCountFile, recordCountedCopies, startInventory, validateInventory } from './inventory';
import { transactOrThrow } from '@/lib/data/platform/transactions';

// Inventory counts on a real PostgreSQL: differences become INVENTORY movements once, a CSV file
// is all or nothing, and scans from two app instances add up.
let db: PrismaClient;
let actor: Actor;

beforeAll(async () => {
  db = createPrismaClient(inject('databaseUrl'));
  actor = { id: (await createTestStaff(db)).id, ip: '192.0.2.30' };
});
afterAll(() => db.$disconnect());

const stockOf = (bookId: number) =>
  db.stockLevel.findUniqueOrThrow({ where: { bookId }, select: { onHand: true, held: true } });

async function newCount(scope: 'counted_books' | 'whole_shop' = 'counted_books') {
  const started = await startInventory(actor, { label: `Inventaire de test ${Date.now()}`, scope });
  if (!started.ok) throw new Error(started.message);
  return started.inventoryId;
}

const csv = (text: string) => new TextEncoder().encode(text);

describe('an inventory count', () => {
  it('turns each difference into an INVENTORY adjustment, once', async () => {
    const missing = await createTestBook(db, { onHand: 5, withSupplier: true });
    const found = await createTestBook(db, { onHand: 0, withSupplier: true });
    const right = await createTestBook(db, { onHand: 2, withSupplier: true });
    const inventoryId = await newCount();
    for (let scan = 0; scan < 3; scan += 1)
      expect(
        await recordCountedCopies(actor, { inventoryId, ean: missing.ean, quantity: 1, mode: 'add' }),
      ).toMatchObject({
        ok: true,
        counted: scan + 1,
      });
    await recordCountedCopies(actor, { inventoryId, ean: found.ean, quantity: 2, mode: 'set' });
    await recordCountedCopies(actor, { inventoryId, ean: right.ean, quantity: 2, mode: 'set' });

    const result = await validateInventory(actor, { inventoryId });
    expect(result).toMatchObject({ ok: true, adjustments: 2, copiesIn: 2, copiesOut: 2 });
    expect(await stockOf(missing.id)).toEqual({ onHand: 3, held: 0 });
    expect(await stockOf(found.id)).toEqual({ onHand: 2, held: 0 });
    expect(await stockOf(right.id)).toEqual({ onHand: 2, held: 0 });
    const movements = await db.stockMovement.findMany({
      where: { inventoryId },
      orderBy: { bookId: 'asc' },
      select: { bookId: true, quantity: true, reason: true, staffId: true },
    });
    expect(movements).toEqual(
      [
        { bookId: missing.id, quantity: -2, reason: 'INVENTORY', staffId: actor.id },
        { bookId: found.id, quantity: 2, reason: 'INVENTORY', staffId: actor.id },
      ].sort((a, b) => a.bookId - b.bookId),
    );
    expect(await validateInventory(actor, { inventoryId })).toMatchObject({ ok: false, code: 'COUNT_CLOSED' });
    expect(await recordCountedCopies(actor, { inventoryId, ean: right.ean, quantity: 1, mode: 'add' })).toMatchObject({
      ok: false,
      code: 'COUNT_CLOSED',
    });
  });

  it('compares with the ledger at validation: a sale made during the count is not counted twice', async () => {
    const book = await createTestBook(db, { onHand: 4, withSupplier: false });
    const inventoryId = await newCount();
    await recordCountedCopies(actor, { inventoryId, ean: book.ean, quantity: 4, mode: 'set' });
    // A copy sold (booked like a sale) after it was counted, before validation… and the
    // bookseller recounts the shelf: 3.
    await transactOrThrow(
      async (tx) => {
        await tx.stockMovement.create({ data: { bookId: book.id, quantity: -1, reason: 'SALE' } });
        await tx.stockLevel.update({ where: { bookId: book.id }, data: { onHand: 3 } });
      },
      undefined,
      { db, frontCaches: [] },
    );
    await recordCountedCopies(actor, { inventoryId, ean: book.ean, quantity: 3, mode: 'set' });
    expect(await validateInventory(actor, { inventoryId })).toMatchObject({ ok: true, adjustments: 0 });
    expect(await stockOf(book.id)).toEqual({ onHand: 3, held: 0 });
  });

  it('a whole-shop count sets the books nobody counted to zero', async () => {
    const forgotten = await createTestBook(db, { onHand: 2, withSupplier: false });
    const inventoryId = await newCount('whole_shop');
    // Every other book on the shelf is counted as the ledger says (the rest of the test database
    // is left as it is); the new book is not counted at all.
    const shelf = await db.stockLevel.findMany({
      where: { onHand: { gt: 0 }, bookId: { not: forgotten.id } },
      select: { bookId: true, onHand: true },
    });
    await db.inventoryLine.createMany({
      data: shelf.map((row) => ({ inventoryId, bookId: row.bookId, countedQuantity: row.onHand })),
    });
    const result = await validateInventory(actor, { inventoryId });
    expect(result).toMatchObject({ ok: true, adjustments: 1, copiesOut: 2 });
    expect(await stockOf(forgotten.id)).toEqual({ onHand: 0, held: 0 });
  });

  it('cannot count fewer copies than readers are paying for: it waits, with a French reason', async () => {
    const { book } = await placeTestOrder(db, { onHand: 2, withSupplier: false, quantity: 2 });
    const inventoryId = await newCount();
    await recordCountedCopies(actor, { inventoryId, ean: book.ean, quantity: 1, mode: 'set' });
    const result = await validateInventory(actor, { inventoryId });
    expect(result).toMatchObject({ ok: false, code: 'HELD_COPIES' });
    expect(await stockOf(book.id)).toEqual({ onHand: 2, held: 2 });
  });

  it('scans from two app instances at once all count, and two validations at once book once', async () => {
    const book = await createTestBook(db, { onHand: 10, withSupplier: false });
    const inventoryId = await newCount();
    const scans = Array.from({ length: 15 }, () => ({
      inventoryId,
      ean: book.ean,
      quantity: 1,
      mode: 'add' as const,
    }));
    const [a, b] = await runStockDeskWorkers(inject('databaseUrl'), [
      { kind: 'count', actor, items: scans },
      { kind: 'count', actor, items: scans },
    ]);
    expect([...a!.results, ...b!.results].every((r) => r.ok)).toBe(true);
    expect(
      await db.inventoryLine.findUniqueOrThrow({
        where: { inventoryId_bookId: { inventoryId, bookId: book.id } },
        select: { countedQuantity: true },
      }),
    ).toEqual({ countedQuantity: 30 });
    const [x, y] = await runStockDeskWorkers(inject('databaseUrl'), [
      { kind: 'validate-count', actor, items: [{ inventoryId }] },
      { kind: 'validate-count', actor, items: [{ inventoryId }] },
    ]);
    expect([x!.results[0]!.ok, y!.results[0]!.ok].filter(Boolean)).toHaveLength(1);
    expect(await stockOf(book.id)).toEqual({ onHand: 30, held: 0 });
    expect(await db.stockMovement.count({ where: { inventoryId } })).toBe(1);
  });
});

describe('a CSV file of counted copies', () => {
  it('adds its quantities to the count', async () => {
    const a = await createTestBook(db, { onHand: 0, withSupplier: false });
    const b = await createTestBook(db, { onHand: 0, withSupplier: false });
    const inventoryId = await newCount();
    const file = csv(`EAN;Quantité\n${a.ean};2\n${b.ean};1\n${a.ean};1\n`);
    expect(await importCountFile(actor, { inventoryId, fileName: 'rayon-1.csv', bytes: file })).toEqual({
      ok: true,
      lineCount: 3,
      copies: 4,
    });
    const lines = await db.inventoryLine.findMany({
      where: { inventoryId },
      orderBy: { bookId: 'asc' },
      select: { bookId: true, countedQuantity: true },
    });
    expect(lines).toEqual(
      [
        { bookId: a.id, countedQuantity: 3 },
        { bookId: b.id, countedQuantity: 1 },
      ].sort((x, y) => x.bookId - y.bookId),
    );
    // The same file again is refused: its copies are not counted twice.
    expect(await importCountFile(actor, { inventoryId, fileName: 'rayon-1 (copie).csv', bytes: file })).toMatchObject({
      ok: false,
      code: 'ALREADY_IMPORTED',
    });
  });

  it('a malformed file changes nothing and lists each bad line with its number and reason', async () => {
    const a = await createTestBook(db, { onHand: 0, withSupplier: false });
    const inventoryId = await newCount();
    const result = await importCountFile(actor, {
      inventoryId,
      fileName: 'faux.csv',
      bytes: csv(`${a.ean};2\n9782296013682;1\n${a.ean};deux\n`),
    });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_CSV' });
    expect(!result.ok && result.issues?.map((issue) => issue.path)).toEqual(['ligne 2', 'ligne 3']);
    expect(await db.inventoryLine.count({ where: { inventoryId } })).toBe(0);
    expect(await db.inventoryUpload.count({ where: { inventoryId } })).toBe(0);
  });

  it('an unknown book in a well-formed file: nothing applied, its line named', async () => {
    const a = await createTestBook(db, { onHand: 0, withSupplier: false });
    const inventoryId = await newCount();
    const result = await importCountFile(actor, {
      inventoryId,
      fileName: 'inconnu.csv',
      bytes: csv(`${a.ean};2\n9780000000002;1\n`),
    });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_CSV' });
    expect(!result.ok && result.issues).toEqual([
      { path: 'ligne 2', message: 'EAN 9780000000002 : livre inconnu du catalogue' },
    ]);
    expect(await db.inventoryLine.count({ where: { inventoryId } })).toBe(0);
  });
});
