import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/data/platform/transactions';
import type { CartBook } from './cart';

// A cart change's statements, in SQL (changeCartLine in ./cart.ts): the cart created or locked,
// then everything the change is checked against read after the lock in one statement, where
// Prisma would take one query per table and relation; and a reader's first add, a new cart and
// its line in one statement. Fewer round trips per "Ajouter au panier" (bench/add-to-cart.ts;
// docs/decisions/035-add-to-cart-without-a-page.md).

/**
 * Creates the cart if it does not exist (a new reader, or a cart purged since) and locks its row
 * in the same statement: an upsert's update takes the row lock, an insert's row is the
 * transaction's own. Changes of one cart then apply one after the other.
 */
export async function lockCart(tx: Tx, cartId: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "Cart" ("id", "updatedAt") VALUES (${cartId}::uuid, now())
    ON CONFLICT ("id") DO UPDATE SET "updatedAt" = now()`;
}

export type CartChangeFacts = {
  book: Pick<CartBook, 'id' | 'title' | 'supplierAvailabilityCode' | 'expectedOn' | 'supplier'>;
  stock: { onHand: number; held: number } | null;
  /** Whether the book has holds past their expiry still counted in `held` (to release first). */
  expiredHolds: boolean;
  lines: { bookId: number; quantity: number }[];
};

type FactsRow = {
  id: number;
  title: string;
  supplierAvailabilityCode: string | null;
  expectedOn: Date | null;
  leadTimeMinDays: number | null;
  leadTimeMaxDays: number | null;
  onHand: number | null;
  held: number | null;
  expiredHolds: boolean;
  lines: { bookId: number; quantity: number }[];
};

/**
 * The book by EAN with its supply facts and stock, and the cart's lines (read after lockCart;
 * none for a cart not created yet). Null: no such book.
 */
export async function readCartChangeFacts(
  tx: Tx | PrismaClient,
  cartId: string | null,
  ean: string,
): Promise<CartChangeFacts | null> {
  const [row] = await tx.$queryRaw<FactsRow[]>`
    SELECT b."id", b."title", b."supplierAvailabilityCode", b."expectedOn",
           sup."leadTimeMinDays", sup."leadTimeMaxDays", s."onHand", s."held",
           EXISTS (
             SELECT 1 FROM "Hold" h
             WHERE h."bookId" = b."id" AND h."status" = 'active' AND h."expiresAt" <= now()
           ) AS "expiredHolds",
           COALESCE((
             SELECT json_agg(json_build_object('bookId', l."bookId", 'quantity', l."quantity"))
             FROM "CartLine" l WHERE l."cartId" = ${cartId}::uuid
           ), '[]'::json) AS "lines"
    FROM "Book" b
    LEFT JOIN "StockLevel" s ON s."bookId" = b."id"
    LEFT JOIN "Supplier" sup ON sup."id" = b."supplierId"
    WHERE b."ean" = ${ean}`;
  if (!row) return null;
  const supplier =
    row.leadTimeMinDays === null || row.leadTimeMaxDays === null
      ? null
      : { leadTimeMinDays: row.leadTimeMinDays, leadTimeMaxDays: row.leadTimeMaxDays };
  return {
    book: {
      id: row.id,
      title: row.title,
      supplierAvailabilityCode: row.supplierAvailabilityCode,
      expectedOn: row.expectedOn,
      supplier,
    },
    stock: row.onHand === null || row.held === null ? null : { onHand: row.onHand, held: row.held },
    expiredHolds: row.expiredHolds,
    lines: row.lines,
  };
}

/**
 * A new cart with its first line, in one statement (atomic by itself): nobody else knows the
 * cart's id yet, so there is nothing to lock.
 */
export async function createCartWithLine(db: PrismaClient, cartId: string, bookId: number, quantity: number) {
  await db.$executeRaw`
    WITH cart AS (INSERT INTO "Cart" ("id", "updatedAt") VALUES (${cartId}::uuid, now()) RETURNING "id")
    INSERT INTO "CartLine" ("cartId", "bookId", "quantity") SELECT "id", ${bookId}, ${quantity} FROM cart`;
}

/** The line set to `quantity` copies (0 removes it). */
export async function writeCartLine(tx: Tx, cartId: string, bookId: number, quantity: number): Promise<void> {
  if (quantity === 0) {
    await tx.$executeRaw`DELETE FROM "CartLine" WHERE "cartId" = ${cartId}::uuid AND "bookId" = ${bookId}`;
    return;
  }
  await tx.$executeRaw`
    INSERT INTO "CartLine" ("cartId", "bookId", "quantity") VALUES (${cartId}::uuid, ${bookId}, ${quantity})
    ON CONFLICT ("cartId", "bookId") DO UPDATE SET "quantity" = EXCLUDED."quantity"`;
}
