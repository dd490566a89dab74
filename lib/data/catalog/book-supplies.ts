import 'server-only';
import type { SupplyFacts } from '@/lib/catalog/book-supply';
import { supplyColumns } from '@/lib/catalog/derived-columns';
import type { Tx } from '@/lib/data/platform/transactions';

// A book's supplies (one per distributor, BookSupply) and the columns derived from the best of
// them (Book.supplier…, the stored availability: lib/catalog/book-supply.ts), written by the book
// form, a distributor's new terms and the ONIX import alike.

/** What each distributor says of the book, with its lead time: one statement. */
export async function suppliesOf(tx: Tx, bookId: number): Promise<SupplyFacts[]> {
  const rows = await tx.$queryRaw<
    { supplierId: number; availabilityCode: string; expectedOn: Date | null; minDays: number; maxDays: number }[]
  >`
    SELECT s."supplierId", s."availabilityCode", s."expectedOn",
           p."leadTimeMinDays" AS "minDays", p."leadTimeMaxDays" AS "maxDays"
    FROM "BookSupply" s JOIN "Supplier" p ON p."id" = s."supplierId"
    WHERE s."bookId" = ${bookId}`;
  return rows.map((row) => ({
    supplierId: row.supplierId,
    availabilityCode: row.availabilityCode,
    expectedOn: row.expectedOn,
    leadTime: { minDays: row.minDays, maxDays: row.maxDays },
  }));
}

/** The book's best supply and availability again, from its supplies and copies on hand (its stock row locked). */
export async function writeBestSupply(tx: Tx, bookId: number, onHand: number): Promise<void> {
  await tx.book.update({
    where: { id: bookId },
    data: supplyColumns(onHand, await suppliesOf(tx, bookId)),
    select: { id: true },
  });
}
