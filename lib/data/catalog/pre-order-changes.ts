import 'server-only';
import { isoDay } from '@/lib/availability';
import { QUEUE_NAMES } from '@/lib/jobs/queues';
import { sendJob } from '@/lib/data/platform/job-queue';
import type { Tx } from '@/lib/data/platform/transactions';

// A book's price or publication date changed (ONIX import, staff edit) while customers await
// pre-ordered copies of it: the follow-up (a refund of the difference when the publisher's price
// fell, the "Nouveau délai" e-mail when the date moved) is queued in the same transaction, so it
// exists if and only if the change does; the job calls Stripe, never this transaction
// (lib/refunds/pre-orders.ts, docs/decisions/023-pre-orders.md).

export type PriceAndDate = { publisherPriceCents: number; expectedOn: Date | null };

/** The book's price and date before the change: read first, in the changing transaction. */
export async function readPriceAndDate(tx: Tx, bookId: number): Promise<PriceAndDate | null> {
  return tx.book.findUnique({ where: { id: bookId }, select: { publisherPriceCents: true, expectedOn: true } });
}

/** After the change: a job when the price fell or the date moved and a pre-order awaits the book. */
export async function queuePreOrderChanges(tx: Tx, bookId: number, before: PriceAndDate | null): Promise<void> {
  if (!before) return;
  const after = await readPriceAndDate(tx, bookId);
  if (!after) return;
  // A rise is not charged: the sale was formed at the order (Code civil, art. 1583).
  const priceFell = after.publisherPriceCents < before.publisherPriceCents;
  const day = (date: Date | null) => (date ? isoDay(date) : null);
  const dateMoved = after.expectedOn !== null && day(after.expectedOn) !== day(before.expectedOn);
  if (!priceFell && !dateMoved) return;
  const [waiting] = await tx.$queryRaw<{ found: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "OrderLine" l JOIN "Order" o ON o."id" = l."orderId"
      WHERE l."bookId" = ${bookId} AND l."preOrderPublishedOn" IS NOT NULL AND o."status" = 'paid'
        AND l."backorderQuantity" > l."receivedQuantity" + l."cancelledBackorderQuantity") AS found`;
  if (!waiting?.found) return;
  await sendJob(
    QUEUE_NAMES.preOrderChanges,
    {
      bookId,
      ...(priceFell && { priceCents: after.publisherPriceCents }),
      ...(dateMoved && { publishedOn: day(after.expectedOn) }),
    },
    tx,
  );
}
