import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/database/prisma-client';
import { parseDespatchAdvice } from '@/lib/edi/eancom-desadv';
import { adaptedGs1Desadv } from '@/lib/edi/fixtures/gs1-desadv';
import { purchaseOrderNumber } from '@/lib/stock/purchase-order-number';
import { createTestBook } from '@/scripts/test/fixtures/books';
import { createTestStaff } from '@/scripts/test/order-desk-fixtures';
import type { Actor } from '@/lib/data/staff/staff';
import { prepareReceptionFromDespatch } from './despatch-import';
import { createPurchaseOrder, findSentPurchaseOrderByNumber, markPurchaseOrderSent } from './purchase-orders';

// A distributor's despatch advice matched, on a real PostgreSQL, to the purchase order it answers
// (its RFF+ON) and to the catalog, without writing anything.
let db: PrismaClient;
let actor: Actor;
let supplier: { id: number; gln: string };

beforeAll(async () => {
  db = createPrismaClient(inject('databaseUrl'));
  actor = { id: (await createTestStaff(db)).id, ip: '192.0.2.30' };
  // Its GLN (GS1 check digit right) so a DESADV names it in NAD+SU.
  supplier = (await db.supplier.update({
    where: { name: "L'Harmattan Diffusion" },
    data: { gln: '3019876000011' },
    select: { id: true, gln: true },
  })) as { id: number; gln: string };
});
afterAll(async () => {
  await db.supplier.update({ where: { id: supplier.id }, data: { gln: null } });
  await db.$disconnect();
});

async function sentList(quantities: number[]) {
  const books = await Promise.all(quantities.map(() => createTestBook(db, { onHand: 0, withSupplier: true })));
  const created = await createPurchaseOrder(actor, {
    supplierId: supplier.id,
    lines: books.map((book, index) => ({ bookId: book.id, quantity: quantities[index]! })),
  });
  if (!created.ok) throw new Error(created.message);
  const sent = await markPurchaseOrderSent(actor, {
    purchaseOrderId: created.purchaseOrderId,
    version: 0,
    sentOn: new Date('2026-12-07T00:00:00Z'),
  });
  if (!sent.ok) throw new Error(sent.message);
  return { id: created.purchaseOrderId, version: sent.version, books };
}

const writes = async () =>
  (
    await db.$queryRaw<{ n: number }[]>`
      SELECT ((SELECT count(*) FROM "Delivery") + (SELECT count(*) FROM "StockMovement") + (SELECT count(*) FROM "AuditEntry"))::int AS n`
  )[0]!.n;

describe('a despatch advice read at the receiving desk', () => {
  it('finds the sent purchase order it answers by its number, for that distributor only', async () => {
    const list = await sentList([2]);
    const found = await findSentPurchaseOrderByNumber(purchaseOrderNumber(list.id), supplier.id);
    expect(found).toEqual({
      id: list.id,
      version: list.version,
      supplierId: supplier.id,
      lines: [expect.objectContaining({ ean: list.books[0]!.ean, missing: 2 })],
    });
    const other = await db.supplier.findFirstOrThrow({ where: { id: { not: supplier.id } }, select: { id: true } });
    expect(await findSentPurchaseOrderByNumber(purchaseOrderNumber(list.id), other.id)).toBeNull();
    expect(await findSentPurchaseOrderByNumber('PO-2026-0042', supplier.id)).toBeNull();
    expect(await findSentPurchaseOrderByNumber(purchaseOrderNumber(999_999_999), null)).toBeNull();
  });

  it('pre-fills the list’s books and the copies announced, the distributor and the note number, writing nothing', async () => {
    const list = await sentList([3, 1]);
    const before = await writes();
    const announced = parseDespatchAdvice(
      adaptedGs1Desadv({
        lines: [
          { ean: list.books[0]!.ean, quantity: 2 },
          { ean: list.books[1]!.ean, quantity: 1 },
        ],
        orderNumber: purchaseOrderNumber(list.id),
        supplierGln: supplier.gln,
        shopGln: '3012345000017',
        despatchNumber: `BL-${list.id}`,
      }),
    );
    if (!announced.ok) throw new Error(announced.message);
    const result = await prepareReceptionFromDespatch(announced);
    expect(result).toMatchObject({
      ok: true,
      reception: {
        supplierId: supplier.id,
        noteNumber: `BL-${list.id}`,
        purchaseOrder: { id: list.id, version: list.version },
        notices: [],
        lines: [
          expect.objectContaining({ ean: list.books[0]!.ean, quantity: 2, terms: null }),
          expect.objectContaining({ ean: list.books[1]!.ean, quantity: 1 }),
        ],
      },
    });
    expect(await writes()).toBe(before);
  });

  it('names the segment of a book the catalog lacks, and says when the order is not this distributor’s', async () => {
    const list = await sentList([1]);
    const unknown = parseDespatchAdvice(
      adaptedGs1Desadv({
        lines: [
          { ean: list.books[0]!.ean, quantity: 1 },
          { ean: '9790000000001', quantity: 1 },
        ],
        orderNumber: purchaseOrderNumber(list.id),
        supplierGln: supplier.gln,
        shopGln: '3012345000017',
      }),
    );
    if (!unknown.ok) throw new Error(unknown.message);
    expect(await prepareReceptionFromDespatch(unknown)).toMatchObject({
      ok: false,
      code: 'UNKNOWN_BOOK',
      message: expect.stringMatching(/^Segment 34 \(LIN\) : EAN 9790000000001 inconnu du catalogue\./),
    });

    const elsewhere = parseDespatchAdvice(
      adaptedGs1Desadv({
        lines: [{ ean: list.books[0]!.ean, quantity: 1 }],
        orderNumber: 'PO-9',
        supplierGln: '3012345000017',
        shopGln: '3012345000017',
      }),
    );
    if (!elsewhere.ok) throw new Error(elsewhere.message);
    const result = await prepareReceptionFromDespatch(elsewhere, list.id);
    expect(result).toMatchObject({ ok: true, reception: { supplierId: null, purchaseOrder: null } });
    expect(result.ok && result.reception.notices).toEqual([
      'Aucun distributeur n’a le GLN 3012345000017 : choisissez le distributeur.',
      'La commande PO-9 n’est pas une commande envoyée à ce distributeur : réception sans commande.',
    ]);
  });
});
