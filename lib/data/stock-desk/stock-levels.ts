import 'server-only';
import { getDb } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { availableCopies } from '@/lib/orders/allocation';
import { normalizeText } from '@/lib/search/normalize';
import { MANUAL_ADJUSTMENTS, type ManualAdjustmentReason } from '@/lib/stock/movement-reasons';
import { failure, type Result } from '@/lib/core/result';
import type { StockQuery } from '@/lib/validation/stock-levels';
import { recordAudit } from '@/lib/data/staff/audit';
import { listThemeSubtreeIds } from '@/lib/data/storefront/catalog';
import { bookMovements } from '@/lib/data/stock/stock-ledger';
import type { Actor } from '@/lib/data/staff/staff';
import { Rejection, STOCK_DESK_LIMITS, transact } from '@/lib/data/platform/transactions';
import { lockBookStock } from '@/lib/data/stock/stock-holds';

// Stock per book (/admin/stock): copies on hand, held by unpaid orders, available (the one
// definition, availableCopies), the réassort threshold and the last movement; the book's ledger
// with each movement's document; adjustments by hand (casse, vol, retour client) and thresholds;
// the readers waiting for each book (their confirmed availability alerts).

export const STOCK_PAGE_SIZE = 50;
/** A CSV export stops there (a spreadsheet of the whole stock of a large shop). */
export const STOCK_EXPORT_LIMIT = 50_000;

export type StockRow = {
  bookId: number;
  ean: string;
  title: string;
  supplierName: string | null;
  themeName: string;
  onHand: number;
  held: number;
  available: number;
  reorderThreshold: number;
  lastMovementAt: Date | null;
  /** Readers whose confirmed availability alert waits for this book: a buying signal. */
  waitingReaders: number;
};

async function whereOf(query: StockQuery): Promise<Prisma.Sql> {
  const conditions: Prisma.Sql[] = [Prisma.sql`b."delistedAt" IS NULL`];
  switch (query.etat) {
    case 'en-stock':
      conditions.push(Prisma.sql`s."onHand" > 0`);
      break;
    case 'sous-seuil':
      conditions.push(Prisma.sql`s."reorderThreshold" > 0 AND s."onHand" - s."held" < s."reorderThreshold"`);
      break;
    case 'sans-stock':
      // Books the shop stocks or has stocked, with no copy left to sell: not the whole catalog.
      conditions.push(
        Prisma.sql`s."onHand" - s."held" <= 0 AND (s."reorderThreshold" > 0 OR s."bookId" IN (SELECT "bookId" FROM "StockMovement"))`,
      );
      break;
    case 'attente':
      // Any listed book readers wait for, stocked or not (stockFrom gives it a stock of 0).
      conditions.push(Prisma.sql`b."id" IN (${WAITING_BOOK_IDS})`);
      break;
    default:
      conditions.push(Prisma.sql`(s."onHand" > 0 OR s."reorderThreshold" > 0 OR s."held" > 0)`);
  }
  if (query.fournisseur) conditions.push(Prisma.sql`b."supplierId" = ${query.fournisseur}`);
  if (query.theme) {
    const themeIds = await listThemeSubtreeIds(query.theme);
    conditions.push(Prisma.sql`b."themeId" = ANY(${themeIds}::int[])`);
  }
  if (query.q) {
    const digits = query.q.replace(/[\s-]/g, '');
    if (/^\d{13}$/.test(digits)) conditions.push(Prisma.sql`b."ean" = ${digits}`);
    else {
      const words = normalizeText(query.q).split(' ').filter(Boolean).slice(0, 8);
      for (const word of words)
        conditions.push(Prisma.sql`b."searchText" LIKE ${`%${word.replace(/[\\%_]/g, '\\$&')}%`}`);
    }
  }
  return Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}`;
}

/** Books with at least one confirmed availability alert (a partial index holds exactly those). */
const WAITING_BOOK_IDS = Prisma.sql`SELECT "bookId" FROM "AvailabilityAlert" WHERE "status" = 'confirmed'`;

const STOCK_COLUMNS = Prisma.sql`
  b."id" AS "bookId", b."ean", b."title", p."name" AS "supplierName", t."name" AS "themeName",
  coalesce(s."onHand", 0) AS "onHand", coalesce(s."held", 0) AS "held",
  coalesce(s."reorderThreshold", 0) AS "reorderThreshold",
  (SELECT max(m."createdAt") FROM "StockMovement" m WHERE m."bookId" = b."id") AS "lastMovementAt",
  (SELECT count(*)::int FROM "AvailabilityAlert" a WHERE a."bookId" = b."id" AND a."status" = 'confirmed') AS "waitingReaders"`;

/**
 * The stocked books; with "lecteurs en attente", the books readers wait for, most awaited first,
 * whether the shop ever stocked them or not.
 */
function stockFrom(query: StockQuery): Prisma.Sql {
  const books =
    query.etat === 'attente'
      ? Prisma.sql`"Book" b LEFT JOIN "StockLevel" s ON s."bookId" = b."id"`
      : Prisma.sql`"StockLevel" s JOIN "Book" b ON b."id" = s."bookId"`;
  return Prisma.sql`
  FROM ${books} JOIN "Theme" t ON t."id" = b."themeId"
  LEFT JOIN "Supplier" p ON p."id" = b."supplierId"`;
}

function stockOrder(query: StockQuery): Prisma.Sql {
  return query.etat === 'attente'
    ? Prisma.sql`ORDER BY "waitingReaders" DESC, b."sortTitle", b."id"`
    : Prisma.sql`ORDER BY b."sortTitle", b."id"`;
}

type RawStockRow = Omit<StockRow, 'available'>;

const withAvailable = (row: RawStockRow): StockRow => ({ ...row, available: availableCopies(row) });

export async function listStock(query: StockQuery): Promise<{ total: number; rows: StockRow[] }> {
  const where = await whereOf(query);
  const [counted, rows] = await Promise.all([
    getDb().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS "total" ${stockFrom(query)} ${where}`,
    getDb().$queryRaw<RawStockRow[]>`
      SELECT ${STOCK_COLUMNS} ${stockFrom(query)} ${where}
      ${stockOrder(query)}
      LIMIT ${STOCK_PAGE_SIZE} OFFSET ${(query.page - 1) * STOCK_PAGE_SIZE}`,
  ]);
  return { total: counted[0]?.total ?? 0, rows: rows.map(withAvailable) };
}

export async function listStockForExport(query: StockQuery): Promise<StockRow[]> {
  const where = await whereOf(query);
  const rows = await getDb().$queryRaw<RawStockRow[]>`
    SELECT ${STOCK_COLUMNS} ${stockFrom(query)} ${where}
    ${stockOrder(query)} LIMIT ${STOCK_EXPORT_LIMIT}`;
  return rows.map(withAvailable);
}

/** Books below their threshold: the dashboard's count. */
export async function countBooksBelowThreshold(): Promise<number> {
  const [row] = await getDb().$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS "count" FROM "StockLevel" s
    WHERE s."reorderThreshold" > 0 AND s."onHand" - s."held" < s."reorderThreshold"`;
  return row?.count ?? 0;
}

export const LEDGER_PAGE_SIZE = 50;

/** A book's stock and its ledger, newest first, each movement with who booked it and its document. */
export async function getBookStock(ean: string, page: number) {
  const book = await getDb().book.findUnique({
    where: { ean },
    select: {
      id: true,
      ean: true,
      title: true,
      publisherPriceCents: true,
      availability: true,
      supplier: { select: { name: true } },
      stock: { select: { onHand: true, held: true, reorderThreshold: true } },
    },
  });
  if (!book) return null;
  const [total, movements, ledgerSum] = await Promise.all([
    getDb().stockMovement.count({ where: { bookId: book.id } }),
    getDb().stockMovement.findMany({
      where: { bookId: book.id },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * LEDGER_PAGE_SIZE,
      take: LEDGER_PAGE_SIZE,
      select: {
        id: true,
        createdAt: true,
        quantity: true,
        reason: true,
        reference: true,
        note: true,
        staff: { select: { name: true } },
        order: { select: { reference: true } },
        delivery: { select: { id: true, noteNumber: true } },
        supplierReturn: { select: { id: true } },
        inventory: { select: { id: true, label: true } },
      },
    }),
    getDb().stockMovement.aggregate({ where: { bookId: book.id }, _sum: { quantity: true } }),
  ]);
  const stock = book.stock ?? { onHand: 0, held: 0, reorderThreshold: 0 };
  return {
    ...book,
    stock: { ...stock, available: availableCopies(stock) },
    ledgerSum: ledgerSum._sum.quantity ?? 0,
    movements: movements.map((movement) => ({ ...movement, id: movement.id.toString() })),
    total,
  };
}

export type BookStockView = NonNullable<Awaited<ReturnType<typeof getBookStock>>>;

/** Casse, vol or a customer's returned copy: one movement, refused if it would take copies that are not free. */
export async function adjustStock(
  actor: Actor,
  input: { ean: string; reason: ManualAdjustmentReason; quantity: number; note: string | null },
): Promise<Result<{ onHand: number }>> {
  return transact(async (tx) => {
    const book = await tx.book.findUnique({ where: { ean: input.ean }, select: { id: true, title: true } });
    if (!book) throw new Rejection(failure('UNKNOWN_BOOK', 'Livre inconnu.'));
    await lockBookStock(tx, [book.id]);
    const quantity = MANUAL_ADJUSTMENTS[input.reason].sign * input.quantity;
    await bookMovements(tx, [
      { bookId: book.id, quantity, reason: input.reason, note: input.note, staffId: actor.id, reference: 'Ajustement' },
    ]);
    const stock = await tx.stockLevel.findUniqueOrThrow({ where: { bookId: book.id }, select: { onHand: true } });
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'stock.adjusted',
      after: {
        ean: input.ean,
        title: book.title,
        reason: input.reason,
        quantity,
        note: input.note,
        onHand: stock.onHand,
      },
      ip: actor.ip,
    });
    return { ok: true as const, onHand: stock.onHand };
  }, STOCK_DESK_LIMITS);
}

export async function setReorderThreshold(
  actor: Actor,
  input: { ean: string; threshold: number },
): Promise<Result<{ threshold: number }>> {
  return transact(async (tx) => {
    const book = await tx.book.findUnique({ where: { ean: input.ean }, select: { id: true, title: true } });
    if (!book) throw new Rejection(failure('UNKNOWN_BOOK', 'Livre inconnu.'));
    await lockBookStock(tx, [book.id]);
    const before = await tx.stockLevel.findUniqueOrThrow({
      where: { bookId: book.id },
      select: { reorderThreshold: true },
    });
    await tx.stockLevel.update({ where: { bookId: book.id }, data: { reorderThreshold: input.threshold } });
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'stock.threshold_changed',
      before: { ean: input.ean, reorderThreshold: before.reorderThreshold },
      after: { ean: input.ean, title: book.title, reorderThreshold: input.threshold },
      ip: actor.ip,
    });
    return { ok: true as const, threshold: input.threshold };
  }, STOCK_DESK_LIMITS);
}

export async function listThemeOptions() {
  return getDb().theme.findMany({
    orderBy: [{ path: 'asc' }],
    select: { id: true, name: true, path: true, depth: true },
  });
}
