import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/database/prisma-client';
import { createTestStaff } from '@/scripts/test/order-desk-fixtures';
import { createTestBook } from '@/scripts/test/fixtures/books';
import type { Actor } from '@/lib/data/staff/staff';
import { listLatestPicks, listPicksPage } from '@/lib/data/storefront/book-picks';
import { getBookPage } from '@/lib/data/storefront/books';
import { getPickForEditing, removeBookPick, saveBookPick } from './book-picks';

// "Le mot du libraire" on a real PostgreSQL: one note per book whatever the rush, every version
// audited, the pages showing it purged from the front cache, delisted books out of the listing.
let db: PrismaClient;
let actor: Actor;

beforeAll(async () => {
  db = createPrismaClient(inject('databaseUrl'));
  actor = { id: (await createTestStaff(db)).id, ip: '192.0.2.61' };
});
afterAll(() => db.$disconnect());

const NOTE = 'Un manuel limpide, que nos étudiants nous réclament chaque rentrée.';

async function purgeTags(ean: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ tag: string }[]>`
    SELECT DISTINCT "tag" FROM "FrontCachePurge" WHERE "tag" IN (${`livre-${ean}`}, 'listes') ORDER BY "tag"`;
  return rows.map((row) => row.tag);
}

describe('a bookseller’s pick', () => {
  it('is written, rewritten and withdrawn, each time audited and purged from the front cache', async () => {
    const book = await createTestBook(db, { onHand: 1, withSupplier: true });
    await db.frontCachePurge.deleteMany({ where: { tag: { in: [`livre-${book.ean}`, 'listes'] } } });

    expect(await saveBookPick(actor, { ean: book.ean, note: NOTE, booksellerName: 'Claire' })).toEqual({
      ok: true,
      created: true,
    });
    expect(await purgeTags(book.ean)).toEqual(['listes', `livre-${book.ean}`]);
    expect((await getBookPage(book.ean))?.pick).toEqual({ note: NOTE, booksellerName: 'Claire' });

    await db.frontCachePurge.deleteMany({ where: { tag: { in: [`livre-${book.ean}`, 'listes'] } } });
    const rewritten = `${NOTE}\n\nEt la nouvelle édition est encore meilleure.`;
    expect(await saveBookPick(actor, { ean: book.ean, note: rewritten, booksellerName: 'Antoine' })).toEqual({
      ok: true,
      created: false,
    });
    expect(await purgeTags(book.ean)).toEqual(['listes', `livre-${book.ean}`]);
    expect(await getPickForEditing(book.ean)).toMatchObject({ note: rewritten, booksellerName: 'Antoine' });

    const audit = await db.auditEntry.findMany({
      where: { staffId: actor.id, action: { startsWith: 'catalog.pick' } },
      orderBy: { id: 'asc' },
      select: { action: true, before: true, after: true },
    });
    expect(audit.slice(-2)).toEqual([
      { action: 'catalog.pick_saved', before: null, after: { ean: book.ean, note: NOTE, booksellerName: 'Claire' } },
      {
        action: 'catalog.pick_saved',
        before: { ean: book.ean, note: NOTE, booksellerName: 'Claire' },
        after: { ean: book.ean, note: rewritten, booksellerName: 'Antoine' },
      },
    ]);

    await db.frontCachePurge.deleteMany({ where: { tag: { in: [`livre-${book.ean}`, 'listes'] } } });
    expect(await removeBookPick(actor, book.ean)).toEqual({ ok: true });
    expect(await purgeTags(book.ean)).toEqual(['listes', `livre-${book.ean}`]);
    expect((await getBookPage(book.ean))?.pick).toBeNull();
    expect(await removeBookPick(actor, book.ean)).toMatchObject({ ok: false, code: 'NO_PICK' });
  });

  it('stays one note when colleagues save it at the same moment', async () => {
    const book = await createTestBook(db, { onHand: 0, withSupplier: true });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        saveBookPick(actor, { ean: book.ean, note: `${NOTE} (version ${index})`, booksellerName: `Libraire ${index}` }),
      ),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(results.filter((result) => result.ok && result.created)).toHaveLength(1);
    expect(await db.bookPick.count({ where: { bookId: book.id } })).toBe(1);
  });

  it('is refused for a book the catalog does not hold', async () => {
    expect(await saveBookPick(actor, { ean: '9780000000002', note: NOTE, booksellerName: 'Claire' })).toMatchObject({
      ok: false,
      code: 'UNKNOWN_BOOK',
    });
  });

  it('leaves the listing with its book when the distributors withdraw it', async () => {
    const book = await createTestBook(db, { onHand: 0, withSupplier: true });
    await saveBookPick(actor, { ean: book.ean, note: NOTE, booksellerName: 'Claire' });
    expect((await listLatestPicks(200)).map((pick) => pick.book.ean)).toContain(book.ean);

    await db.book.update({ where: { id: book.id }, data: { delistedAt: new Date() } });
    const { picks, total } = await listPicksPage(1);
    expect(picks.map((pick) => pick.book.ean)).not.toContain(book.ean);
    expect(total).toBe(await db.bookPick.count({ where: { book: { delistedAt: null } } }));
  });
});
