import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestBook } from '@/scripts/test/fixtures/books';
import { openTestDatabase } from '@/scripts/test/test-database';
import {
  addToWishList,
  getSharedWishList,
  listWishList,
  removeFromWishList,
  shareWishList,
  stopSharingWishList,
} from './wish-list';

// "Ma liste" on a real PostgreSQL: a book once however often it is added, only the reader's own
// list written, the shared link read-only and closed at once by "Ne plus partager".

const db = openTestDatabase();

const newReader = () =>
  db.reader.create({ data: { email: `liste.${randomUUID().slice(0, 8)}@exemple.fr` }, select: { id: true } });

describe('a reader’s list', () => {
  it('holds each book once, newest first, and leaves out withdrawn books', async () => {
    const reader = await newReader();
    const first = await createTestBook(db, { onHand: 1, withSupplier: true });
    const second = await createTestBook(db, { onHand: 0, withSupplier: true });
    const results = await Promise.all([
      addToWishList(reader.id, first.ean),
      addToWishList(reader.id, first.ean),
      addToWishList(reader.id, first.ean),
    ]);
    expect(results.every((result) => result.ok)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await addToWishList(reader.id, second.ean)).toMatchObject({ ok: true });
    expect((await listWishList(reader.id)).map((entry) => entry.book.ean)).toEqual([second.ean, first.ean]);

    await db.book.update({ where: { id: second.id }, data: { delistedAt: new Date() } });
    expect((await listWishList(reader.id)).map((entry) => entry.book.ean)).toEqual([first.ean]);
    expect(await addToWishList(reader.id, second.ean)).toMatchObject({ ok: false, code: 'UNKNOWN_BOOK' });
  });

  it('is written by its reader only', async () => {
    const reader = await newReader();
    const other = await newReader();
    const book = await createTestBook(db, { onHand: 1, withSupplier: true });
    await addToWishList(reader.id, book.ean);
    expect(await removeFromWishList(other.id, book.ean)).toMatchObject({ ok: false, code: 'NOT_IN_LIST' });
    expect(await listWishList(reader.id)).toHaveLength(1);
    expect(await removeFromWishList(reader.id, book.ean)).toEqual({ ok: true });
    expect(await listWishList(reader.id)).toEqual([]);
  });

  it('is shared by one link, the same until sharing stops, then never again', async () => {
    const reader = await newReader();
    const book = await createTestBook(db, { onHand: 1, withSupplier: true });
    await addToWishList(reader.id, book.ean);
    const token = await shareWishList(reader.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await shareWishList(reader.id)).toBe(token);
    expect((await getSharedWishList(token))?.map((entry) => entry.book.ean)).toEqual([book.ean]);

    await stopSharingWishList(reader.id);
    expect(await getSharedWishList(token)).toBeNull();
    expect(await shareWishList(reader.id)).not.toBe(token);
    expect(await getSharedWishList('pas-un-jeton')).toBeNull();
  });
});
