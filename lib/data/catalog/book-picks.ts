import 'server-only';
import { getDb } from '@/lib/db';
import { failure, type Result } from '@/lib/core/result';
import type { BookPickInput } from '@/lib/validation/book-picks';
import { Rejection, STAFF_LIMITS, transact, type Tx } from '@/lib/data/platform/transactions';
import { recordAudit } from '@/lib/data/staff/audit';
import type { Actor } from '@/lib/data/staff/staff';

// The booksellers' picks as staff write them (/admin/catalogue/livres/<ean>, "Le mot du
// libraire"): one note per book, written or rewritten, or withdrawn. Every version is in the
// audit log. The reader pages showing it are purged from the front cache by the database
// (migration 20261207230000_bookseller_picks).

export type PickForEditing = { note: string; booksellerName: string; updatedAt: Date; staffName: string | null };

export async function getPickForEditing(ean: string): Promise<PickForEditing | null> {
  const pick = await getDb().bookPick.findFirst({
    where: { book: { ean } },
    select: { note: true, booksellerName: true, updatedAt: true, staff: { select: { name: true } } },
  });
  return (
    pick && {
      note: pick.note,
      booksellerName: pick.booksellerName,
      updatedAt: pick.updatedAt,
      staffName: pick.staff?.name ?? null,
    }
  );
}

async function lockPick(tx: Tx, ean: string) {
  const book = await tx.book.findUnique({ where: { ean }, select: { id: true } });
  if (!book) throw new Rejection(failure('UNKNOWN_BOOK', 'Livre inconnu.'));
  const rows = await tx.$queryRaw<{ note: string; booksellerName: string }[]>`
    SELECT "note", "booksellerName" FROM "BookPick" WHERE "bookId" = ${book.id} FOR UPDATE`;
  return { bookId: book.id, before: rows[0] ?? null };
}

/** Writes the book's note, or rewrites it: one statement, so two colleagues saving at once leave one note. */
export async function saveBookPick(actor: Actor, input: BookPickInput): Promise<Result<{ created: boolean }>> {
  return transact(async (tx) => {
    const { bookId, before } = await lockPick(tx, input.ean);
    await tx.$executeRaw`
      INSERT INTO "BookPick" ("bookId", "note", "booksellerName", "staffId", "updatedAt")
      VALUES (${bookId}, ${input.note}, ${input.booksellerName}, ${actor.id}, now())
      ON CONFLICT ("bookId") DO UPDATE
      SET "note" = EXCLUDED."note", "booksellerName" = EXCLUDED."booksellerName",
          "staffId" = EXCLUDED."staffId", "updatedAt" = now()`;
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'catalog.pick_saved',
      ...(before && { before: { ean: input.ean, ...before } }),
      after: { ean: input.ean, note: input.note, booksellerName: input.booksellerName },
      ip: actor.ip,
    });
    return { ok: true as const, created: before === null };
  }, STAFF_LIMITS);
}

export async function removeBookPick(actor: Actor, ean: string): Promise<Result<object>> {
  return transact(async (tx) => {
    const { bookId, before } = await lockPick(tx, ean);
    if (!before) throw new Rejection(failure('NO_PICK', 'Ce livre n’a pas de mot du libraire.'));
    await tx.bookPick.delete({ where: { bookId }, select: { id: true } });
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'catalog.pick_removed',
      before: { ean, ...before },
      ip: actor.ip,
    });
    return { ok: true as const };
  }, STAFF_LIMITS);
}
