import 'server-only';
import { createHash } from 'node:crypto';
import { getDb } from '@/lib/db';
import type { InventoryScope } from '@/lib/generated/prisma/enums';
import { checkCount, type CountDifference } from '@/lib/stock/inventory-differences';
import { MAX_COUNTED_COPIES, parseCountCsv, decodeCsv, type CsvRejection } from '@/lib/stock/inventory-csv';
import { failure, type Result } from '@/lib/core/result';
import { recordAudit } from '@/lib/data/staff/audit';
import { bookMovements } from '@/lib/data/stock/stock-ledger';
import type { Actor } from '@/lib/data/staff/staff';
import { Rejection, STOCK_DESK_LIMITS, transact, type Tx } from '@/lib/data/platform/transactions';
import { lockBookStock } from '@/lib/data/stock/stock-holds';

// Inventory counts (/admin/inventaire). Counted quantities live in the database as they are
// scanned, typed or uploaded, so several people can count different shelves at once (each scan
// adds to the book's count in one statement) and nothing is lost with a browser. Validating
// compares them with the ledger at that moment and books each difference as an INVENTORY
// movement, once: the count's row is locked, then the books' stock rows (ascending).

export const STOCK_COUNT_SCOPE_LABELS: Record<InventoryScope, string> = {
  counted_books: 'Inventaire tournant : seuls les livres comptés sont ajustés',
  whole_shop: 'Inventaire complet : un livre en stock que personne n’a compté passe à 0',
};

type OpenCount = { id: number; label: string; scope: InventoryScope };

/** Locks the count and checks it is still open (counts are added to, validated, abandoned under this lock). */
async function lockOpenCount(tx: Tx, id: number): Promise<OpenCount> {
  const rows = await tx.$queryRaw<{ id: number; label: string; scope: InventoryScope; status: string }[]>`
    SELECT "id", "label", "scope", "status"::text AS "status" FROM "Inventory" WHERE "id" = ${id} FOR UPDATE`;
  const count = rows[0];
  if (!count) throw new Rejection(failure('UNKNOWN_COUNT', 'Inventaire introuvable.'));
  if (count.status !== 'open')
    throw new Rejection(
      failure(
        'COUNT_CLOSED',
        `Cet inventaire est ${count.status === 'validated' ? 'déjà validé' : 'abandonné'} : rien n’a été changé.`,
      ),
    );
  return count;
}

/** Shared lock for additions: many scanners add at once, a validation waits for them and stops them. */
async function lockCountForAdding(tx: Tx, id: number): Promise<void> {
  const rows = await tx.$queryRaw<{ status: string }[]>`
    SELECT "status"::text AS "status" FROM "Inventory" WHERE "id" = ${id} FOR SHARE`;
  if (!rows[0]) throw new Rejection(failure('UNKNOWN_COUNT', 'Inventaire introuvable.'));
  if (rows[0].status !== 'open')
    throw new Rejection(failure('COUNT_CLOSED', 'Cet inventaire est clos : ce comptage n’a pas été enregistré.'));
}

export async function startInventory(
  actor: Actor,
  input: { label: string; scope: InventoryScope },
): Promise<Result<{ inventoryId: number }>> {
  return transact(async (tx) => {
    const created = await tx.inventory.create({
      data: { label: input.label, scope: input.scope, startedById: actor.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'stock.count_started',
      after: { inventoryId: created.id, label: input.label, scope: input.scope },
      ip: actor.ip,
    });
    return { ok: true as const, inventoryId: created.id };
  }, STOCK_DESK_LIMITS);
}

/**
 * A scan (add one, or the quantity typed beside the EAN) or a correction (replace the count).
 * Adding runs as one INSERT … ON CONFLICT DO UPDATE: two people scanning the same book at once
 * both count.
 */
export async function recordCountedCopies(
  _actor: Actor,
  input: { inventoryId: number; ean: string; quantity: number; mode: 'add' | 'set' },
): Promise<Result<{ title: string; counted: number }>> {
  return transact(async (tx) => {
    await lockCountForAdding(tx, input.inventoryId);
    const book = await tx.book.findUnique({ where: { ean: input.ean }, select: { id: true, title: true } });
    if (!book)
      throw new Rejection(
        failure('UNKNOWN_BOOK', `EAN ${input.ean} : livre inconnu du catalogue. Créez-le, puis comptez-le.`),
      );
    const rows =
      input.mode === 'add'
        ? await tx.$queryRaw<{ countedQuantity: number }[]>`
            INSERT INTO "InventoryLine" ("inventoryId", "bookId", "countedQuantity", "updatedAt")
            VALUES (${input.inventoryId}, ${book.id}, ${input.quantity}, now())
            ON CONFLICT ("inventoryId", "bookId")
            DO UPDATE SET "countedQuantity" = "InventoryLine"."countedQuantity" + excluded."countedQuantity", "updatedAt" = now()
            RETURNING "countedQuantity"`
        : await tx.$queryRaw<{ countedQuantity: number }[]>`
            INSERT INTO "InventoryLine" ("inventoryId", "bookId", "countedQuantity", "updatedAt")
            VALUES (${input.inventoryId}, ${book.id}, ${input.quantity}, now())
            ON CONFLICT ("inventoryId", "bookId")
            DO UPDATE SET "countedQuantity" = excluded."countedQuantity", "updatedAt" = now()
            RETURNING "countedQuantity"`;
    const counted = rows[0]?.countedQuantity ?? 0;
    if (counted > MAX_COUNTED_COPIES)
      throw new Rejection(
        failure('TOO_MANY', `Plus de ${MAX_COUNTED_COPIES} exemplaires comptés : vérifiez la saisie.`),
      );
    return { ok: true as const, title: book.title, counted };
  }, STOCK_DESK_LIMITS);
}

const asIssues = (rejections: CsvRejection[]) =>
  rejections.map((rejection) => ({ path: `ligne ${rejection.line}`, message: rejection.reason }));

/**
 * A CSV file "EAN;quantité" added to the count, all or nothing: a malformed line, an unknown
 * book or the same file twice, and nothing is applied; every bad line is reported.
 */
export async function importCountFile(
  actor: Actor,
  input: { inventoryId: number; fileName: string; bytes: Uint8Array },
): Promise<Result<{ lineCount: number; copies: number }>> {
  // Every bad line comes back in `issues` ("ligne 12": reason), for the screen to list.
  const parsed = parseCountCsv(decodeCsv(input.bytes));
  if (!parsed.ok) return failure('INVALID_CSV', parsed.message, { issues: asIssues(parsed.rejections) });
  const fileHash = createHash('sha256').update(input.bytes).digest('hex');
  const eans = [...parsed.quantities.keys()];
  return transact(async (tx) => {
    await lockCountForAdding(tx, input.inventoryId);
    const books = await tx.book.findMany({ where: { ean: { in: eans } }, select: { id: true, ean: true } });
    const byEan = new Map(books.map((book) => [book.ean, book.id]));
    const unknown = eans.filter((ean) => !byEan.has(ean));
    if (unknown.length > 0) {
      const lines = csvLinesOf(decodeCsv(input.bytes), new Set(unknown));
      throw new Rejection(
        failure(
          'INVALID_CSV',
          `${lines.length} ligne${lines.length > 1 ? 's' : ''} refusée${lines.length > 1 ? 's' : ''} : rien n’a été importé. Corrigez le fichier et importez-le à nouveau.`,
          { issues: asIssues(lines.slice(0, 200)) },
        ),
      );
    }
    const upload = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO "InventoryUpload" ("inventoryId", "fileHash", "fileName", "lineCount", "copies", "uploadedById", "uploadedAt")
      VALUES (${input.inventoryId}, ${fileHash}, ${input.fileName.slice(0, 200)}, ${parsed.lineCount}, ${parsed.copies}, ${actor.id}, now())
      ON CONFLICT ("inventoryId", "fileHash") DO NOTHING RETURNING "id"`;
    if (!upload[0])
      throw new Rejection(
        failure(
          'ALREADY_IMPORTED',
          'Ce fichier a déjà été importé dans cet inventaire : ses quantités ne sont pas comptées deux fois.',
        ),
      );
    const bookIds = eans.map((ean) => byEan.get(ean)!);
    const quantities = eans.map((ean) => parsed.quantities.get(ean)!);
    const totals = await tx.$queryRaw<{ countedQuantity: number }[]>`
      INSERT INTO "InventoryLine" ("inventoryId", "bookId", "countedQuantity", "updatedAt")
      SELECT ${input.inventoryId}, u.book_id, u.quantity, now()
      FROM unnest(${bookIds}::int[], ${quantities}::int[]) AS u(book_id, quantity)
      ON CONFLICT ("inventoryId", "bookId")
      DO UPDATE SET "countedQuantity" = "InventoryLine"."countedQuantity" + excluded."countedQuantity", "updatedAt" = now()
      RETURNING "countedQuantity"`;
    if (totals.some((row) => row.countedQuantity > MAX_COUNTED_COPIES))
      throw new Rejection(
        failure('TOO_MANY', `Plus de ${MAX_COUNTED_COPIES} exemplaires comptés pour un livre : vérifiez le fichier.`),
      );
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'stock.count_imported',
      after: {
        inventoryId: input.inventoryId,
        fileName: input.fileName.slice(0, 200),
        lines: parsed.lineCount,
        copies: parsed.copies,
      },
      ip: actor.ip,
    });
    return { ok: true as const, lineCount: parsed.lineCount, copies: parsed.copies };
  }, STOCK_DESK_LIMITS);
}

/** Line numbers of the file whose EAN is among `eans` (unknown books), with the reason. */
function csvLinesOf(text: string, eans: Set<string>): CsvRejection[] {
  const rejections: CsvRejection[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const parsed = parseCountCsv(raw);
    if (!parsed.ok) return;
    const [ean] = [...parsed.quantities.keys()];
    if (ean && eans.has(ean)) rejections.push({ line: index + 1, reason: `EAN ${ean} : livre inconnu du catalogue` });
  });
  return rejections;
}

export type CountView = NonNullable<Awaited<ReturnType<typeof getInventory>>>;

/** The count with each counted book against the ledger now (what validating would book). */
export async function getInventory(id: number) {
  const count = await getDb().inventory.findUnique({
    where: { id },
    select: {
      id: true,
      label: true,
      scope: true,
      status: true,
      startedAt: true,
      closedAt: true,
      startedBy: { select: { name: true } },
      closedBy: { select: { name: true } },
      uploads: { orderBy: { id: 'asc' }, select: { fileName: true, lineCount: true, copies: true, uploadedAt: true } },
    },
  });
  if (!count) return null;
  const rows = await getDb().$queryRaw<
    { bookId: number; ean: string; title: string; counted: number | null; onHand: number; held: number }[]
  >`
    SELECT b."id" AS "bookId", b."ean", b."title", l."countedQuantity" AS "counted",
           COALESCE(s."onHand", 0) AS "onHand", COALESCE(s."held", 0) AS "held"
    FROM "InventoryLine" l JOIN "Book" b ON b."id" = l."bookId" LEFT JOIN "StockLevel" s ON s."bookId" = l."bookId"
    WHERE l."inventoryId" = ${id}
    ORDER BY b."sortTitle", b."id"
    LIMIT 5000`;
  const [totals] = await getDb().$queryRaw<{ books: number; copies: number }[]>`
    SELECT count(*)::int AS "books", COALESCE(SUM("countedQuantity"), 0)::int AS "copies"
    FROM "InventoryLine" WHERE "inventoryId" = ${id}`;
  const [uncounted] =
    count.scope === 'whole_shop'
      ? await getDb().$queryRaw<{ books: number; copies: number }[]>`
          SELECT count(*)::int AS "books", COALESCE(SUM(s."onHand"), 0)::int AS "copies"
          FROM "StockLevel" s
          WHERE s."onHand" > 0 AND NOT EXISTS (
            SELECT 1 FROM "InventoryLine" l WHERE l."inventoryId" = ${id} AND l."bookId" = s."bookId")`
      : [{ books: 0, copies: 0 }];
  const adjustments =
    count.status === 'validated'
      ? await getDb().stockMovement.findMany({
          where: { inventoryId: id },
          orderBy: { id: 'asc' },
          take: 5000,
          select: { quantity: true, note: true, book: { select: { ean: true, title: true } } },
        })
      : [];
  return {
    ...count,
    adjustments,
    lines: rows.map((row) => ({ ...row, counted: row.counted ?? 0, difference: (row.counted ?? 0) - row.onHand })),
    countedBooks: totals?.books ?? 0,
    countedCopies: totals?.copies ?? 0,
    uncountedInStock: uncounted ?? { books: 0, copies: 0 },
  };
}

export async function listInventories(take = 30) {
  return getDb().inventory.findMany({
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take,
    select: {
      id: true,
      label: true,
      scope: true,
      status: true,
      startedAt: true,
      closedAt: true,
      startedBy: { select: { name: true } },
      _count: { select: { lines: true } },
    },
  });
}

/**
 * Validates the count: each difference with the ledger becomes an INVENTORY movement, in one
 * transaction; the count is closed and can be validated only once.
 */
export async function validateInventory(
  actor: Actor,
  input: { inventoryId: number },
  now = new Date(),
): Promise<Result<{ adjustments: number; copiesIn: number; copiesOut: number; differences: CountDifference[] }>> {
  return transact(async (tx) => {
    const count = await lockOpenCount(tx, input.inventoryId);
    const counted = await tx.inventoryLine.findMany({
      where: { inventoryId: count.id },
      select: { bookId: true, countedQuantity: true },
    });
    const uncounted =
      count.scope === 'whole_shop'
        ? await tx.$queryRaw<{ bookId: number }[]>`
            SELECT s."bookId" FROM "StockLevel" s
            WHERE s."onHand" > 0 AND NOT EXISTS (
              SELECT 1 FROM "InventoryLine" l WHERE l."inventoryId" = ${count.id} AND l."bookId" = s."bookId")`
        : [];
    const countedByBook = new Map(counted.map((line) => [line.bookId, line.countedQuantity]));
    const bookIds = [...countedByBook.keys(), ...uncounted.map((row) => row.bookId)];
    const stock = await lockBookStock(tx, bookIds);
    const check = checkCount(
      count.scope,
      bookIds.map((bookId) => ({
        bookId,
        counted: countedByBook.get(bookId) ?? null,
        onHand: stock.get(bookId)?.onHand ?? 0,
        held: stock.get(bookId)?.held ?? 0,
      })),
    );
    if (!check.ok) {
      const titles = await tx.book.findMany({
        where: { id: { in: check.heldShortfalls.map((s) => s.bookId) } },
        select: { title: true },
      });
      throw new Rejection(
        failure(
          'HELD_COPIES',
          `Inventaire non validé : moins d’exemplaires comptés que de réservés par des paiements en cours pour ${titles
            .map((t) => `« ${t.title} »`)
            .join(', ')}. Ces réservations durent quelques minutes : validez à nouveau un peu plus tard.`,
        ),
      );
    }
    await bookMovements(
      tx,
      check.differences.map((difference) => ({
        bookId: difference.bookId,
        quantity: difference.difference,
        reason: 'INVENTORY',
        reference: count.label,
        note: `compté ${difference.counted}, attendu ${difference.onHand}`,
        inventoryId: count.id,
        staffId: actor.id,
      })),
    );
    await tx.inventory.update({
      where: { id: count.id },
      data: { status: 'validated', closedById: actor.id, closedAt: now },
    });
    const copiesIn = check.differences.filter((d) => d.difference > 0).reduce((sum, d) => sum + d.difference, 0);
    const copiesOut = check.differences.filter((d) => d.difference < 0).reduce((sum, d) => sum - d.difference, 0);
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'stock.count_validated',
      after: {
        inventoryId: count.id,
        label: count.label,
        books: bookIds.length,
        adjustments: check.differences.length,
        copiesIn,
        copiesOut,
      },
      ip: actor.ip,
    });
    return {
      ok: true as const,
      adjustments: check.differences.length,
      copiesIn,
      copiesOut,
      differences: check.differences,
    };
  }, STOCK_DESK_LIMITS);
}

export async function cancelInventory(actor: Actor, input: { inventoryId: number }, now = new Date()): Promise<Result> {
  return transact(async (tx) => {
    const count = await lockOpenCount(tx, input.inventoryId);
    await tx.inventory.update({
      where: { id: count.id },
      data: { status: 'cancelled', closedById: actor.id, closedAt: now },
    });
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'stock.count_cancelled',
      after: { inventoryId: count.id, label: count.label },
      ip: actor.ip,
    });
    return { ok: true as const };
  }, STOCK_DESK_LIMITS);
}
