import 'server-only';
import { getDb } from '@/lib/db';
import { enqueueOrderEmail } from './order-emails';

// The /suivi form's job (queue tracking-lookup): the request only queued the pair, so it answered
// the same thing in the same time whatever it was. Here, away from the request: a paid order with
// this number and this e-mail gets a tracking link e-mail (at most one a minute); anything else,
// nothing at all.

export type TrackingLookup = { reference: string; email: string; askedAt: string };

export async function answerTrackingLookup(lookup: TrackingLookup): Promise<'link owed' | 'already owed' | 'no match'> {
  return getDb().$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<{ id: number }[]>`
        SELECT "id" FROM "Order"
        WHERE "reference" = ${lookup.reference} AND lower("email") = lower(${lookup.email}) AND "paidAt" IS NOT NULL
        FOR UPDATE`;
      const order = rows[0];
      if (!order) return 'no match';
      const id = await enqueueOrderEmail(tx, order.id, { kind: 'tracking_link', askedAt: new Date(lookup.askedAt) });
      return id === null ? 'already owed' : 'link owed';
    },
    { maxWait: 10_000, timeout: 15_000 },
  );
}
