import 'server-only';
import { QUEUE_NAMES } from '@/lib/jobs/queues';
import type { Result } from '@/lib/core/result';
import type { LinkPurpose } from '@/lib/email/kinds';
import { TRACKING_LOOKUP_ANSWER, WITHDRAWAL_LOOKUP_ANSWER, type TrackingLookupInput } from '@/lib/validation/tracking';
import { isDatabaseBusy } from '@/lib/database/errors';
import { sendJob } from '@/lib/data/platform/job-queue';
import { enqueueOrderEmail } from './order-emails';
import { consumeLimit, emailLimitKey } from '@/lib/data/platform/rate-limits';
import { busy, JOB_LIMITS, transactOrThrow } from '@/lib/data/platform/transactions';

// The /suivi form's job (queue tracking-lookup): the request only queued the pair, so it answered
// the same thing in the same time whatever it was. Here, away from the request: a paid order with
// this number and this e-mail gets a tracking link e-mail (at most one a minute); anything else,
// nothing at all.

export type TrackingLookup = { reference: string; email: string; askedAt: string; purpose?: LinkPurpose };

/**
 * The request's whole work, identical whatever the pair: two counters, one job. The answer is
 * the same sentence for a right pair, a wrong number and a wrong e-mail; only the limits differ,
 * and they count requests, not orders.
 */
export async function requestTrackingLink(
  input: TrackingLookupInput,
  clientAddress: string,
  now: Date,
  purpose: LinkPurpose = 'tracking',
): Promise<Result<{ message: string }>> {
  const limited =
    (await consumeLimit('trackingLookupPerClient', clientAddress)) ??
    (await consumeLimit('trackingLookupPerEmail', emailLimitKey('suivi', input.email)));
  if (limited) return limited;
  try {
    await sendJob(QUEUE_NAMES.trackingLookup, {
      reference: input.reference,
      email: input.email,
      askedAt: now.toISOString(),
      purpose,
    } satisfies TrackingLookup);
  } catch (error) {
    if (isDatabaseBusy(error)) return busy();
    throw error;
  }
  return { ok: true, message: purpose === 'withdrawal' ? WITHDRAWAL_LOOKUP_ANSWER : TRACKING_LOOKUP_ANSWER };
}

export async function answerTrackingLookup(lookup: TrackingLookup): Promise<'link owed' | 'already owed' | 'no match'> {
  return transactOrThrow(async (tx) => {
    const rows = await tx.$queryRaw<{ id: number }[]>`
        SELECT "id" FROM "Order"
        WHERE "reference" = ${lookup.reference} AND lower("email") = lower(${lookup.email})
          AND ("paidAt" IS NOT NULL OR "organisationId" IS NOT NULL)
        FOR UPDATE`;
    const order = rows[0];
    if (!order) return 'no match';
    const id = await enqueueOrderEmail(tx, order.id, {
      kind: 'tracking_link',
      askedAt: new Date(lookup.askedAt),
      purpose: lookup.purpose ?? 'tracking',
    });
    return id === null ? 'already owed' : 'link owed';
  }, JOB_LIMITS);
}
