import 'server-only';
import { randomBytes } from 'node:crypto';
import { getDb } from '@/lib/db';
import { failure, type Result } from '@/lib/core/result';
import { isWishListShareToken, WISH_LIST_MAX_BOOKS } from '@/lib/validation/wish-list';
import { READER_ACCOUNT_LIMITS, Rejection, transact } from '@/lib/data/platform/transactions';
import { BOOK_CARD_SELECT, toBookCard, type BookCard } from '@/lib/data/storefront/book-selects';

// "Ma liste" (/compte/liste): books a reader keeps, and the read-only link that shares them
// (/liste/<token>). Every read and write names the signed-in reader: another reader's list is
// reached only by its link, and only to read.

export type WishListEntry = { book: BookCard; addedAt: Date };

const ENTRY_SELECT = { addedAt: true, book: { select: BOOK_CARD_SELECT } } as const;

/** Newest first; books withdrawn by their distributors leave the list with their page. */
export async function listWishList(readerId: number): Promise<WishListEntry[]> {
  const rows = await getDb().wishListItem.findMany({
    where: { readerId, book: { delistedAt: null } },
    orderBy: [{ addedAt: 'desc' }, { bookId: 'asc' }],
    select: ENTRY_SELECT,
  });
  return rows.map((row) => ({ book: toBookCard(row.book), addedAt: row.addedAt }));
}

export async function addToWishList(readerId: number, ean: string): Promise<Result<{ title: string }>> {
  return transact(async (tx) => {
    const book = await tx.book.findUnique({ where: { ean, delistedAt: null }, select: { id: true, title: true } });
    if (!book) throw new Rejection(failure('UNKNOWN_BOOK', 'Ce livre n’est plus au catalogue.'));
    // The reader's row, locked: two additions at once cannot both pass the cap.
    await tx.$queryRaw`SELECT 1 FROM "Reader" WHERE "id" = ${readerId} FOR UPDATE`;
    const count = await tx.wishListItem.count({ where: { readerId } });
    if (count >= WISH_LIST_MAX_BOOKS)
      throw new Rejection(
        failure(
          'WISH_LIST_FULL',
          `Votre liste compte déjà ${WISH_LIST_MAX_BOOKS} livres : retirez-en avant d’en ajouter.`,
        ),
      );
    await tx.$executeRaw`
      INSERT INTO "WishListItem" ("readerId", "bookId") VALUES (${readerId}, ${book.id})
      ON CONFLICT ("readerId", "bookId") DO NOTHING`;
    return { ok: true as const, title: book.title };
  }, READER_ACCOUNT_LIMITS);
}

export async function removeFromWishList(readerId: number, ean: string): Promise<Result<object>> {
  const removed = await getDb().$executeRaw`
    DELETE FROM "WishListItem" WHERE "readerId" = ${readerId}
      AND "bookId" = (SELECT "id" FROM "Book" WHERE "ean" = ${ean})`;
  return removed === 0 ? failure('NOT_IN_LIST', 'Ce livre n’est pas dans votre liste.') : { ok: true };
}

/** The list's share token, made on first use; the same link afterwards, until "Ne plus partager". */
export async function shareWishList(readerId: number): Promise<string> {
  const rows = await getDb().$queryRaw<{ token: string }[]>`
    UPDATE "Reader" SET "wishListShareToken" = COALESCE("wishListShareToken", ${randomBytes(16).toString('base64url')}),
      "updatedAt" = now()
    WHERE "id" = ${readerId} RETURNING "wishListShareToken" AS "token"`;
  return rows[0]!.token;
}

/** The old link opens nothing any more; sharing again makes a new one. */
export async function stopSharingWishList(readerId: number): Promise<void> {
  await getDb().reader.update({ where: { id: readerId }, data: { wishListShareToken: null }, select: { id: true } });
}

export async function getWishListShareToken(readerId: number): Promise<string | null> {
  const reader = await getDb().reader.findUnique({ where: { id: readerId }, select: { wishListShareToken: true } });
  return reader?.wishListShareToken ?? null;
}

/** A shared list, read-only: its books, never whose it is (no e-mail, no name). Null for any other token. */
export async function getSharedWishList(token: string): Promise<WishListEntry[] | null> {
  if (!isWishListShareToken(token)) return null;
  const reader = await getDb().reader.findUnique({ where: { wishListShareToken: token }, select: { id: true } });
  return reader ? listWishList(reader.id) : null;
}
